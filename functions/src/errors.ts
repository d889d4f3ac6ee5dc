import type { Transaction } from "firebase-admin/firestore";
import { HttpsError, type FunctionsErrorCode } from "firebase-functions/v2/https";
import { db } from "./admin.js";
import type { RefusalDetails, RefusalReason } from "@dash2fa/shared";
import { config, type z } from "zod/mini";
import en from "zod/v4/locales/en.js";

// The shared schemas use zod's functional API, which names no problem in words until a
// language is set: refusals explain bad input in English, as the schemas' own messages do.
config(en());

const refusals: Record<RefusalReason, { code: FunctionsErrorCode; message: string }> = {
  "invalid-input": { code: "invalid-argument", message: "The request is not valid." },
  "wrong-code": { code: "permission-denied", message: "That code is not correct." },
  expired: { code: "deadline-exceeded", message: "That code has expired. Request a new one." },
  "attempts-exhausted": {
    code: "failed-precondition",
    message: "Too many wrong codes. Request a new code later.",
  },
  "no-active-code": {
    code: "failed-precondition",
    message: "There is no code waiting to be verified. Request a new one.",
  },
  cooldown: { code: "resource-exhausted", message: "Please wait before requesting another code." },
  "rate-limited": {
    code: "resource-exhausted",
    message: "Too many codes were requested. Try again later.",
  },
  locked: {
    code: "resource-exhausted",
    message: "Too many wrong codes. Verification is locked for a while.",
  },
  "locked-until-recovery": {
    code: "failed-precondition",
    message: "Verification is locked after too many wrong codes. Use a recovery code.",
  },
  "wrong-recovery-code": { code: "permission-denied", message: "That recovery code is not valid." },
  "recovery-codes-locked": {
    code: "resource-exhausted",
    message: "Too many wrong recovery codes. Try again later.",
  },
  "method-not-enabled": { code: "failed-precondition", message: "That method is not enabled." },
  "method-already-enabled": {
    code: "already-exists",
    message: "That method is already enabled with this destination.",
  },
  "second-step-required": {
    code: "permission-denied",
    message: "Complete two-factor verification first.",
  },
  "step-up-required": {
    code: "permission-denied",
    message: "Verify it's you again before making this change.",
  },
  "device-not-recognized": {
    code: "permission-denied",
    message: "This device is not remembered any more.",
  },
  "code-already-used": { code: "permission-denied", message: "That code was already used." },
  "passkey-failed": {
    code: "permission-denied",
    message: "That passkey could not be verified.",
  },
  "wrong-password": { code: "permission-denied", message: "The current password is not correct." },
  "reset-link-invalid": {
    code: "failed-precondition",
    message: "This reset link is not valid any more. Ask for a new one.",
  },
  "email-not-after-reset": {
    code: "failed-precondition",
    message: "After a password reset by email, verify with another method or a recovery code.",
  },
  "passkey-limit": {
    code: "resource-exhausted",
    message: "This account has the most keys it may have. Remove one first.",
  },
  "session-ended": {
    code: "unauthenticated",
    message: "This session has ended. Sign in again.",
  },
};

/** The one way a callable says no: a stable code, a readable message, and details. */
export function refusal(details: RefusalDetails): HttpsError {
  const { code, message } = refusals[details.reason];
  return new HttpsError(code, message, details);
}

export function requireUid(auth: { uid: string } | undefined): string {
  if (!auth) throw new HttpsError("unauthenticated", "Sign in first.");
  return auth.uid;
}

/** Validates callable input before anything is read or written. */
export function parseInput<Schema extends z.ZodMiniType>(
  schema: Schema,
  data: unknown,
): z.output<Schema> {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  throw refusal({
    reason: "invalid-input",
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.join("."),
      message: issue.message,
    })),
  });
}

/** gRPC ABORTED: Firestore gave up on a transaction after its own retries (contention). */
const ABORTED = 10;

export interface TransactionOptions {
  /**
   * Called when the transaction kept losing to others: may throw the definite answer the
   * winner left behind (a code already used). Otherwise the caller is told to try again.
   */
  afterContention?: () => Promise<void>;
}

/**
 * `db.runTransaction`, except that a transaction still losing to contention after the
 * SDK's retries answers what it lost to, when that is known, or `unavailable` (try again)
 * rather than an `internal` error.
 */
export async function transaction<T>(
  work: (tx: Transaction) => Promise<T>,
  { afterContention }: TransactionOptions = {},
): Promise<T> {
  try {
    return await db.runTransaction(work);
  } catch (error) {
    if ((error as { code?: unknown }).code === ABORTED) {
      await afterContention?.();
      throw new HttpsError("unavailable", "The service is busy. Please try again.");
    }
    throw error;
  }
}
