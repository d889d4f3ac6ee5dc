import { verificationPolicy } from "@dash2fa/shared";
import type {
  DeliveredMethod,
  TwoFactorMethod,
  RefusalDetails,
  VerificationPurpose,
} from "@dash2fa/shared";

/**
 * The decisions about a challenge, free of Firestore and of the real clock so they can
 * be tested with any `now`. The callables read the document, ask these functions what
 * to do, and write the answer in the same transaction.
 */

export interface ChallengeState {
  uid: string;
  purpose: VerificationPurpose;
  method: DeliveredMethod;
  destination: string;
  nonce: string;
  codeHash: string;
  /** Epoch milliseconds. */
  sentAt: number;
  /** Epoch milliseconds. */
  expiresAt: number;
  failedAttempts: number;
  sendCount: number;
  /** The outbound `mail` or `messages` document that carries the current code. */
  outboundId?: string;
  /**
   * Epoch milliseconds at which the code was accepted. The spent challenge stays until it
   * expires, so a submission that lost the race for it learns that the code was already
   * used, rather than that no code was ever sent.
   */
  consumedAt?: number;
}

export function challengeId(
  uid: string,
  purpose: VerificationPurpose,
  method: TwoFactorMethod,
): string {
  return `${uid}_${purpose}_${method}`;
}

export type SendDecision =
  | { allowed: true; failedAttempts: number; sendCount: number }
  | { allowed: false; details: RefusalDetails };

/**
 * Whether a new code may be sent now, to `destination`. A resend replaces the code but
 * keeps the failure count of the live challenge; only a challenge that has expired starts
 * again from zero. The one-minute cooldown is between resends to the same address or
 * number: a code for a corrected one (enrolling, after a message could not be delivered)
 * need not wait, and still counts against every send limit.
 */
export function decideSend(
  existing: ChallengeState | undefined,
  now: number,
  destination: string,
): SendDecision {
  if (!existing || existing.consumedAt !== undefined || now >= existing.expiresAt) {
    return { allowed: true, failedAttempts: 0, sendCount: 1 };
  }
  if (existing.failedAttempts >= verificationPolicy.maxFailedAttempts) {
    return {
      allowed: false,
      details: { reason: "attempts-exhausted", attemptsLeft: 0, retryAt: existing.expiresAt },
    };
  }
  const resendAvailableAt = existing.sentAt + verificationPolicy.resendCooldownMs;
  if (now < resendAvailableAt && existing.destination === destination) {
    return { allowed: false, details: { reason: "cooldown", retryAt: resendAvailableAt } };
  }
  return {
    allowed: true,
    failedAttempts: existing.failedAttempts,
    sendCount: existing.sendCount + 1,
  };
}

export type AttemptDecision =
  | { outcome: "refused"; details: RefusalDetails }
  | { outcome: "check-code"; challenge: ChallengeState }
  /** Spent: the same code again is "already used"; any other code finds no live code. */
  | { outcome: "spent"; challenge: ChallengeState };

/** Whether a submitted code is even worth comparing, and against what. */
export function decideAttempt(existing: ChallengeState | undefined, now: number): AttemptDecision {
  if (!existing) return { outcome: "refused", details: { reason: "no-active-code" } };
  if (existing.consumedAt !== undefined) {
    return now < existing.expiresAt
      ? { outcome: "spent", challenge: existing }
      : { outcome: "refused", details: { reason: "no-active-code" } };
  }
  if (existing.failedAttempts >= verificationPolicy.maxFailedAttempts) {
    return {
      outcome: "refused",
      details: { reason: "attempts-exhausted", attemptsLeft: 0, retryAt: existing.expiresAt },
    };
  }
  if (now >= existing.expiresAt) return { outcome: "refused", details: { reason: "expired" } };
  return { outcome: "check-code", challenge: existing };
}

export function attemptsLeft(failedAttempts: number): number {
  return Math.max(0, verificationPolicy.maxFailedAttempts - failedAttempts);
}

/** The timestamps of a code sent at `now`. */
export function codeTimes(now: number): {
  sentAt: number;
  expiresAt: number;
  resendAvailableAt: number;
} {
  return {
    sentAt: now,
    expiresAt: now + verificationPolicy.codeLifetimeMs,
    resendAvailableAt: now + verificationPolicy.resendCooldownMs,
  };
}
