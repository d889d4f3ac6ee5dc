import { AsyncLocalStorage } from "node:async_hooks";
import { Firestore } from "firebase-admin/firestore";
import type { CallableRequest } from "firebase-functions/v2/https";

/**
 * Emulator-only: counts the Firestore document reads and writes each callable makes, the
 * way Firestore bills them, and reports them to the caller in a response header, so the
 * integration tests can hold every flow to an exact budget (`docs/PERFORMANCE.md`).
 *
 * - A read is each document a get returns, a missing one included; a query costs the
 *   documents it returns, at least one; an aggregation query costs one.
 * - A write is each write in a commit (a set, update, create or delete; field transforms
 *   ride on their write), counted once the commit succeeds.
 *
 * Every request the Admin SDK makes passes through two methods of the client
 * (`@google-cloud/firestore`): `request` for unary calls (`commit`, `batchWrite`, …) and
 * `requestStream` for streamed ones (`batchGetDocuments`, `runQuery`, …). Both are
 * wrapped once, and each call's counts live in an `AsyncLocalStorage`, because the
 * Functions emulator may run concurrent calls in one worker.
 */

/** The response header that carries a call's counts, e.g. `reads=5; writes=4`. */
export const OPERATIONS_HEADER = "x-firestore-ops";

export interface OperationCount {
  reads: number;
  writes: number;
}

export function formatOperations({ reads, writes }: OperationCount): string {
  return `reads=${reads}; writes=${writes}`;
}

const currentCall = new AsyncLocalStorage<OperationCount>();

/** The two funnels of `@google-cloud/firestore` (internal, untyped in its public types). */
interface ClientFunnels {
  request(methodName: string, request: unknown, ...rest: unknown[]): Promise<unknown>;
  requestStream(
    methodName: string,
    bidirectional: boolean,
    request: unknown,
    ...rest: unknown[]
  ): Promise<NodeJS.ReadableStream>;
}

interface StreamedResponse {
  found?: unknown;
  missing?: unknown;
  document?: unknown;
}

const writeMethods = new Set(["commit", "batchWrite"]);

let installed = false;

function installOperationCounting(): void {
  if (installed) return;
  installed = true;
  const funnels = Firestore.prototype as unknown as ClientFunnels;
  const { request, requestStream } = funnels;

  funnels.request = async function (this: ClientFunnels, methodName, body, ...rest) {
    // Captured now: the response may arrive in another async context.
    const count = currentCall.getStore();
    const result = await request.call(this, methodName, body, ...rest);
    if (count && writeMethods.has(methodName)) {
      count.writes += (body as { writes?: unknown[] }).writes?.length ?? 0;
    }
    return result;
  };

  funnels.requestStream = async function (this: ClientFunnels, methodName, bidi, body, ...rest) {
    const count = currentCall.getStore();
    const stream = await requestStream.call(this, methodName, bidi, body, ...rest);
    if (count) countResponses(stream, methodName, count);
    return stream;
  };
}

/**
 * Counts documents as the caller consumes the (still paused) stream: every consumer,
 * `for await` and `pipe` alike, receives each response through a `data` event.
 */
function countResponses(stream: NodeJS.ReadableStream, methodName: string, count: OperationCount) {
  if (methodName === "runQuery" || methodName === "runAggregationQuery") count.reads += 1;
  let queryDocuments = 0;
  const emit = stream.emit.bind(stream);
  stream.emit = (event: string | symbol, ...args: unknown[]) => {
    if (event === "data") {
      const response = args[0] as StreamedResponse | undefined;
      if (methodName === "batchGetDocuments" && (response?.found || response?.missing)) {
        count.reads += 1;
      } else if (methodName === "runQuery" && response?.document) {
        // The first document is the query's minimum of one, already counted.
        queryDocuments += 1;
        if (queryDocuments > 1) count.reads += 1;
      }
    }
    return emit(event, ...args);
  };
}

/**
 * Wraps a callable's handler so its Firestore operations are counted and returned in the
 * `x-firestore-ops` response header, refused calls included. Used only in the emulator.
 */
export function reportingOperations<Result>(
  handler: (request: CallableRequest) => Promise<Result>,
): (request: CallableRequest) => Promise<Result> {
  installOperationCounting();
  return async (request) => {
    const count: OperationCount = { reads: 0, writes: 0 };
    try {
      return await currentCall.run(count, () => handler(request));
    } finally {
      const response = request.rawRequest.res;
      if (response && !response.headersSent) {
        response.setHeader(OPERATIONS_HEADER, formatOperations(count));
      }
    }
  };
}
