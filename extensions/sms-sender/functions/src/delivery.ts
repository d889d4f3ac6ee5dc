/**
 * The `delivery` field of a message document and every decision about it, as pure
 * functions of the document and `now`. The field names and states are the contract the
 * Twilio Send Message extension established, which the product already reads:
 * `state` PENDING → PROCESSING → SUCCESS | ERROR, `startTime`, `endTime`, `errorCode`
 * (a string), `errorMessage`, `info.{messageSid, status, dateCreated, dateSent,
 * dateUpdated, messagingServiceSid, numSegments}`. Added here: `attempts` and
 * `leaseExpireTime`, so that a send that dies mid-way is taken over once its lease runs
 * out, and given up after `maxAttempts` instead of staying PROCESSING.
 */
import { maskCodes } from "./redaction.js";

export type DeliveryState = "PENDING" | "PROCESSING" | "SUCCESS" | "ERROR";

/** What the decisions read from a document's `delivery` (times in epoch milliseconds). */
export interface DeliveryView {
  state?: string;
  attempts?: number;
  leaseExpiresAtMs?: number | null;
}

export interface LeasePolicy {
  /** Sends tried per message, counting those that died mid-way. */
  maxAttempts: number;
  /** How long one attempt may hold the message before another may take it over. */
  leaseMs: number;
}

/** A field to delete; the Firestore layer turns it into `FieldValue.delete()`. */
export const REMOVE = Symbol("remove");

/** A Firestore `update()` payload: dotted paths to values, `Date` for times. */
export type FieldUpdate = Record<string, unknown>;

export function isFinal(state: string | undefined): boolean {
  return state === "SUCCESS" || state === "ERROR";
}

export type ClaimDecision =
  /** Never seen: record it as PENDING first, as the contract has it. */
  | { kind: "queue"; update: FieldUpdate }
  /** SUCCESS or ERROR already: nothing to do (a duplicate or retried event). */
  | { kind: "done" }
  /** Another invocation holds a live lease: ask the platform to retry later. */
  | { kind: "busy"; leaseLeftMs: number }
  /** Attempts used up: the message ends in ERROR now. */
  | { kind: "give-up"; update: FieldUpdate }
  /** This invocation may send, as attempt number `attempt`. */
  | { kind: "claim"; attempt: number; update: FieldUpdate };

/** Error codes of the extension's own (as opposed to the provider's) failures. */
export const ErrorCodes = {
  /** A send started and never reported back (its lease ran out) too many times. */
  leaseExpired: "LEASE_EXPIRED",
  /** The provider could not be reached or answered with a server error. */
  providerUnreachable: "PROVIDER_UNREACHABLE",
  /** The document has no usable `to` or `body`. */
  invalidMessage: "INVALID_MESSAGE",
} as const;

export function decideClaim(
  delivery: DeliveryView | undefined,
  now: number,
  policy: LeasePolicy,
): ClaimDecision {
  if (!delivery?.state) {
    return {
      kind: "queue",
      update: {
        delivery: {
          state: "PENDING",
          startTime: new Date(now),
          endTime: null,
          attempts: 0,
          leaseExpireTime: null,
          errorCode: null,
          errorMessage: null,
          info: null,
        },
      },
    };
  }
  if (isFinal(delivery.state)) return { kind: "done" };
  const leaseEnd = delivery.leaseExpiresAtMs ?? null;
  if (delivery.state === "PROCESSING" && leaseEnd !== null && leaseEnd > now) {
    return { kind: "busy", leaseLeftMs: leaseEnd - now };
  }
  const attempts = delivery.attempts ?? 0;
  if (attempts >= policy.maxAttempts) {
    return {
      kind: "give-up",
      update: errorUpdate(now, {
        code: ErrorCodes.leaseExpired,
        message: `Gave up after ${attempts} attempts that did not finish`,
      }),
    };
  }
  const attempt = attempts + 1;
  return {
    kind: "claim",
    attempt,
    update: {
      "delivery.state": "PROCESSING",
      "delivery.attempts": attempt,
      "delivery.leaseExpireTime": new Date(now + policy.leaseMs),
    },
  };
}

/** What the provider said about one attempt. */
export type SendOutcome =
  | { kind: "sent"; receipt: SendReceiptView }
  | { kind: "failed"; error: { code: string; message: string; retryable: boolean } };

export interface SendReceiptView {
  sid: string;
  status: string;
  dateCreated: Date | null;
  dateSent: Date | null;
  dateUpdated: Date | null;
  messagingServiceSid: string | null;
  numSegments: string | null;
}

export type Settlement =
  /** Write this update and stop. */
  | { kind: "final"; update: FieldUpdate }
  /** Write this update (back to PENDING), wait, and claim the next attempt. */
  | { kind: "retry"; update: FieldUpdate; afterMs: number }
  /** Someone else has settled the message or taken it over: write nothing. */
  | { kind: "superseded" };

/** Wait before attempt n+1: one second, then three, then nine, … */
export function backoffMs(attempt: number): number {
  return 1000 * 3 ** (attempt - 1);
}

/**
 * The write that records one attempt's outcome, given the document as it is now. A
 * message that was sent is recorded whoever holds it; a failure only by the attempt
 * that still holds it, since a newer attempt may yet succeed.
 */
export function settle(
  current: DeliveryView | undefined,
  attempt: number,
  outcome: SendOutcome,
  now: number,
  policy: LeasePolicy,
): Settlement {
  if (isFinal(current?.state)) return { kind: "superseded" };
  if (outcome.kind === "sent")
    return { kind: "final", update: successUpdate(now, outcome.receipt) };
  if (current?.attempts !== attempt) return { kind: "superseded" };
  const { error } = outcome;
  if (!error.retryable || attempt >= policy.maxAttempts) {
    return { kind: "final", update: errorUpdate(now, error) };
  }
  return {
    kind: "retry",
    afterMs: backoffMs(attempt),
    update: {
      "delivery.state": "PENDING",
      "delivery.leaseExpireTime": null,
      "delivery.errorCode": error.code,
      "delivery.errorMessage": error.message,
    },
  };
}

export function successUpdate(now: number, receipt: SendReceiptView): FieldUpdate {
  return {
    "delivery.state": "SUCCESS",
    "delivery.endTime": new Date(now),
    "delivery.leaseExpireTime": null,
    "delivery.errorCode": null,
    "delivery.errorMessage": null,
    "delivery.info": {
      messageSid: receipt.sid,
      status: receipt.status,
      dateCreated: receipt.dateCreated,
      dateSent: receipt.dateSent,
      dateUpdated: receipt.dateUpdated,
      messagingServiceSid: receipt.messagingServiceSid,
      numSegments: receipt.numSegments,
    },
  };
}

export function errorUpdate(now: number, error: { code: string; message: string }): FieldUpdate {
  return {
    "delivery.state": "ERROR",
    "delivery.endTime": new Date(now),
    "delivery.leaseExpireTime": null,
    "delivery.errorCode": error.code,
    "delivery.errorMessage": error.message,
  };
}

/**
 * Codes die with the delivery: whatever the end state, the final write also masks the
 * codes in `body`, records `redactedAt` and drops `redactBy` (the deadline by which the
 * product's scheduled clean-up would otherwise mask it), exactly as the product's own
 * redaction does. `codePattern` null: bodies are kept as sent.
 */
export function withRedaction(
  update: FieldUpdate,
  document: Record<string, unknown>,
  codePattern: RegExp | null,
  now: number,
): FieldUpdate {
  if (!codePattern) return update;
  return {
    ...update,
    ...(typeof document.body === "string" ? { body: maskCodes(document.body, codePattern) } : {}),
    redactedAt: new Date(now),
    redactBy: REMOVE,
  };
}

/** The message to send, or why the document cannot be one. */
export function readMessage(
  document: Record<string, unknown>,
):
  { ok: true; to: string; body: string } | { ok: false; error: { code: string; message: string } } {
  const { to, body } = document;
  if (typeof to !== "string" || to.trim() === "") {
    return { ok: false, error: { code: ErrorCodes.invalidMessage, message: "No `to` number" } };
  }
  if (typeof body !== "string" || body === "") {
    return { ok: false, error: { code: ErrorCodes.invalidMessage, message: "No `body` text" } };
  }
  return { ok: true, to: to.trim(), body };
}
