import type { TwoFactorMethod, VerificationPurpose } from "./schemas.js";

/** Names of the callable functions, as exported by `functions/src/index.ts`. */
export const callableNames = {
  sendVerificationCode: "sendVerificationCode",
  verifyCode: "verifyCode",
} as const;

/** What the client learns about a sent code: never the code, never the full address. */
export interface SendVerificationCodeResult {
  purpose: VerificationPurpose;
  method: TwoFactorMethod;
  maskedDestination: string;
  /** Epoch milliseconds. */
  expiresAt: number;
  /** Epoch milliseconds; before this a resend is refused. */
  resendAvailableAt: number;
  attemptsLeft: number;
}

export interface VerifyCodeResult {
  purpose: VerificationPurpose;
  method: TwoFactorMethod;
  enabled: true;
  maskedDestination: string;
}

/**
 * The `details.reason` of every refusal the callables return, so the dialog can tell
 * each case apart without parsing messages.
 */
export type VerificationFailureReason =
  "invalid-input" | "wrong-code" | "expired" | "attempts-exhausted" | "no-active-code" | "cooldown";

export interface VerificationFailureDetails {
  reason: VerificationFailureReason;
  attemptsLeft?: number;
  /** Epoch milliseconds when a refused request may be retried. */
  retryAt?: number;
  /** Field-level problems for `invalid-input`. */
  issues?: { path: string; message: string }[];
}

/** The 2FA status document a signed-in user may read about themselves. */
export interface TwoFactorMethodStatus {
  enabled: boolean;
  maskedDestination: string;
  /** Epoch milliseconds. */
  enabledAt: number;
}

export interface TwoFactorStatusDoc {
  methods: Partial<Record<TwoFactorMethod, TwoFactorMethodStatus>>;
}
