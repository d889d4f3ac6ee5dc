import { HttpsError, onCall, type CallableRequest } from "firebase-functions/v2/https";
import { limitedUseCallables } from "@dash2fa/shared";
import {
  contract,
  type CallableName,
  type CallableResult,
  type ParsedInput,
} from "@dash2fa/shared/contract";
import { reportingOperations } from "./emulator/op-count.js";
import { parseInput, requireUid } from "./errors.js";
import { callableOptionsWith, isEmulator } from "./runtime.js";
import { requireLiveSession } from "./security/session.js";

type Handler<Result> = (request: CallableRequest) => Promise<Result>;

/**
 * Defines the callable `name` from its entry in the shared contract
 * (`@dash2fa/shared/contract`): the handler gets the input already parsed with the
 * contract's schema, and must answer the contract's result type. Everything every
 * callable shares happens here, before any handler runs, in this order:
 *
 * 1. A caller whose session has ended (signed out, ended elsewhere, past its limits) is
 *    refused (`requireLiveSession`).
 * 2. A caller that is not signed in is refused, unless the contract opens the callable
 *    to signed-out callers.
 * 3. The input is parsed once; a bad one is refused with `invalid-input` and its issues.
 *
 * The options they share (region, secrets, App Check) come from `runtime.ts`; the ones
 * the contract marks limited-use also consume each App Check token. In the emulator only,
 * each call reports its Firestore reads and writes in a response header
 * (`emulator/op-count.ts`); a deployed function runs the handler as written.
 */
export function define<Name extends CallableName>(
  name: Name,
  handler: (input: ParsedInput<Name>, request: CallableRequest) => Promise<CallableResult<Name>>,
) {
  const spec = contract[name];
  return serve(limitedUseCallables.includes(name), async (request) => {
    if (spec.signedOut !== true) requireUid(request.auth);
    return handler(parseInput(spec.input, request.data ?? {}) as ParsedInput<Name>, request);
  });
}

/**
 * A callable that exists only in the emulator (the benchmark floor), outside the
 * contract, wrapped like every other so it costs what they cost.
 */
export function defineEmulatorOnly<Result>(handler: Handler<Result>) {
  return serve(false, handler);
}

function serve<Result>(consumeAppCheckToken: boolean, handler: Handler<Result>) {
  const options = callableOptionsWith({ consumeAppCheckToken });
  const live = refuseEndedSession(handler);
  const checked = options.consumeAppCheckToken === true ? refuseReplayedToken(live) : live;
  return onCall(options, isEmulator() ? reportingOperations(checked) : checked);
}

/**
 * A token that names a session (`sid`, set by every second step) is only as good as that
 * session: signed out, ended from another session or past its limits, it gets nothing.
 */
function refuseEndedSession<Result>(handler: Handler<Result>): Handler<Result> {
  return async (request) => {
    if (request.auth) {
      await requireLiveSession(request.auth.uid, request.auth.token.sid, Date.now());
    }
    return handler(request);
  };
}

/**
 * The SDK does not refuse a token that was already consumed; it passes the request on
 * with `app.alreadyConsumed` set. A replay is refused here, before the handler runs, with
 * the code the SDK itself uses for a missing or invalid App Check token.
 */
function refuseReplayedToken<Result>(handler: Handler<Result>): Handler<Result> {
  return async (request) => {
    if (request.app?.alreadyConsumed === true) {
      throw new HttpsError("unauthenticated", "This request was already used.");
    }
    return handler(request);
  };
}
