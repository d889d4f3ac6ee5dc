import { FirebaseError } from "firebase/app";
import { z } from "zod";
import type { VerificationFailureDetails } from "@dash2fa/shared";
import { toVerificationFailure } from "@/lib/firebase";
import { formatClockTime, formatClockTimeWithSeconds, formatRetryTime } from "@/lib/format-time";
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
  const retryAt = failure?.retryAt;
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
      return retryAt === undefined
        ? text.attemptsExhaustedNoTime
        : text.attemptsExhausted(formatClockTime(retryAt));
    case "cooldown":
      return retryAt === undefined
        ? text.cooldownNoTime
        : text.cooldown(formatClockTimeWithSeconds(retryAt));
    case "no-active-code":
      return text.noActiveCode;
    case "rate-limited":
      return retryAt === undefined
        ? text.rateLimitedNoTime
        : text.rateLimited(formatRetryTime(retryAt));
    case "locked":
      return retryAt === undefined ? text.lockedNoTime : text.locked(formatRetryTime(retryAt));
    case "locked-until-recovery":
      return text.lockedUntilRecovery;
    case "wrong-recovery-code": {
      const left = failure.attemptsLeft;
      if (left === undefined) return text.wrongRecoveryCodeWithoutCount;
      if (left > 0) return text.wrongRecoveryCode(left);
      return retryAt === undefined
        ? text.recoveryCodesLockedNoTime
        : text.wrongRecoveryCodeLocked(formatRetryTime(retryAt));
    }
    case "recovery-codes-locked":
      return retryAt === undefined
        ? text.recoveryCodesLockedNoTime
        : text.recoveryCodesLocked(formatRetryTime(retryAt));
    case "method-not-enabled":
      return text.methodNotEnabled;
    case "method-already-enabled":
      return text.methodAlreadyEnabled;
    case "second-step-required":
      return text.secondStepRequired;
    case "step-up-required":
      return text.stepUpRequired;
    case "device-not-recognized":
      return text.deviceNotRecognized;
    case "invalid-input":
      return failure.issues?.[0]?.message ?? text.invalidInput;
    case undefined:
      return text.somethingWentWrong;
  }
}

/** A request that never reached the server says so, rather than "something went wrong". */
function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof FirebaseError &&
    ["functions/unavailable", "unavailable", "auth/network-request-failed"].includes(error.code)
  );
}

/** Shorthand for callers that only need the sentence. */
export function describeError(error: unknown, codeExpiresAt?: number): string {
  const failure = toFailure(error);
  if (!failure && isNetworkFailure(error)) return text.networkFailed;
  return describeFailure(failure, codeExpiresAt);
}
