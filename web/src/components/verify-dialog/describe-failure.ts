import { z } from "zod";
import type { VerificationFailureDetails } from "@dash2fa/shared";
import { toVerificationFailure } from "@/lib/firebase";
import { formatClockTime, formatClockTimeWithSeconds } from "@/lib/format-time";
import { messages } from "@/lib/messages";

const text = messages.verify;

/**
 * A refusal from the server (its `details`) or from the shared schema before sending
 * (the same rules, so the same reason); `undefined` for anything else.
 */
export function toFailure(error: unknown): VerificationFailureDetails | undefined {
  if (error instanceof z.ZodError) {
    return {
      reason: "invalid-input",
      issues: error.issues.map((issue) => ({
        path: issue.path.join("."),
        message: issue.message,
      })),
    };
  }
  return toVerificationFailure(error);
}

/**
 * One distinct sentence per refusal. `codeExpiresAt` lets a last wrong guess say when a
 * new code can be requested (the server refuses until the dead code expires).
 */
export function describeFailure(
  failure: VerificationFailureDetails | undefined,
  codeExpiresAt?: number,
): string {
  switch (failure?.reason) {
    case "wrong-code": {
      const left = failure.attemptsLeft;
      if (left === undefined) return text.wrongCodeWithoutCount;
      if (left > 0) return text.wrongCode(left);
      return codeExpiresAt === undefined
        ? text.attemptsExhaustedNoTime
        : text.wrongCodeNoAttemptsLeft(formatClockTime(codeExpiresAt));
    }
    case "expired":
      return text.expired;
    case "attempts-exhausted":
      return failure.retryAt === undefined
        ? text.attemptsExhaustedNoTime
        : text.attemptsExhausted(formatClockTime(failure.retryAt));
    case "cooldown":
      return failure.retryAt === undefined
        ? text.cooldownNoTime
        : text.cooldown(formatClockTimeWithSeconds(failure.retryAt));
    case "no-active-code":
      return text.noActiveCode;
    case "invalid-input":
      return failure.issues?.[0]?.message ?? text.invalidInput;
    case undefined:
      return text.somethingWentWrong;
  }
}

/** Shorthand for callers that only need the sentence. */
export function describeError(error: unknown, codeExpiresAt?: number): string {
  return describeFailure(toFailure(error), codeExpiresAt);
}
