import { HttpsError, type FunctionsErrorCode } from "firebase-functions/v2/https";
import type { VerificationFailureDetails, VerificationFailureReason } from "@dash2fa/shared";
import type { z } from "zod";

const refusals: Record<VerificationFailureReason, { code: FunctionsErrorCode; message: string }> = {
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
};

/** The one way a callable says no: a stable code, a readable message, and details. */
export function refusal(details: VerificationFailureDetails): HttpsError {
  const { code, message } = refusals[details.reason];
  return new HttpsError(code, message, details);
}

export function requireUid(auth: { uid: string } | undefined): string {
  if (!auth) throw new HttpsError("unauthenticated", "Sign in first.");
  return auth.uid;
}

/** Validates callable input before anything is read or written. */
export function parseInput<Schema extends z.ZodType>(
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
