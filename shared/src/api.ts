import type { TwoFactorMethod, VerificationPurpose } from "./schemas.js";

/** Names of the callable functions, as exported by `functions/src/index.ts`. */
export const callableNames = {
  sendVerificationCode: "sendVerificationCode",
  verifyCode: "verifyCode",
  useRecoveryCode: "useRecoveryCode",
  signInWithRememberedDevice: "signInWithRememberedDevice",
  disableMethod: "disableMethod",
  regenerateRecoveryCodes: "regenerateRecoveryCodes",
  revokeDevice: "revokeDevice",
  revokeAllDevices: "revokeAllDevices",
  getDeliveryStatus: "getDeliveryStatus",
} as const;
export type CallableName = keyof typeof callableNames;

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

/** A browser remembered for 30 days: kept by the client, stored only as a hash. */
export interface RememberedDeviceToken {
  deviceId: string;
  token: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/**
 * Every successful verification upgrades the session: the client signs in with
 * `customToken`, whose `mfa` and `mfaAt` claims the rules and step-up checks read.
 */
export interface SessionUpgrade {
  customToken: string;
}

export interface VerifyCodeResult extends SessionUpgrade {
  purpose: VerificationPurpose;
  method: TwoFactorMethod;
  maskedDestination: string;
  /** Only when this verification enabled the user's first method: shown once. */
  recoveryCodes?: string[];
  /** Only for a sign-in that asked to remember this browser. */
  rememberedDevice?: RememberedDeviceToken;
}

export interface UseRecoveryCodeResult extends SessionUpgrade {
  recoveryCodesRemaining: number;
  rememberedDevice?: RememberedDeviceToken;
}

export interface DisableMethodResult extends SessionUpgrade {
  method: TwoFactorMethod;
}

export interface RegenerateRecoveryCodesResult {
  recoveryCodes: string[];
}

/**
 * Where the message carrying the current code is: `sending` until the provider took it,
 * `sent` when accepted but not yet confirmed on the handset, `delivered`, or `failed`.
 */
export type DeliveryState = "sending" | "sent" | "delivered" | "failed";

export interface DeliveryStatusResult {
  state: DeliveryState;
}

export interface RevokeDevicesResult {
  revoked: number;
}

/**
 * The `details.reason` of every refusal the callables return, so the UI can tell each
 * case apart without parsing messages.
 */
export type VerificationFailureReason =
  | "invalid-input"
  | "wrong-code"
  | "expired"
  | "attempts-exhausted"
  | "no-active-code"
  | "cooldown"
  | "rate-limited"
  | "locked"
  | "locked-until-recovery"
  | "wrong-recovery-code"
  | "recovery-codes-locked"
  | "method-not-enabled"
  | "method-already-enabled"
  | "second-step-required"
  | "step-up-required"
  | "device-not-recognized";

export interface VerificationFailureDetails {
  reason: VerificationFailureReason;
  attemptsLeft?: number;
  /** Epoch milliseconds when a refused request may be retried. */
  retryAt?: number;
  /** Which limit refused a send (`rate-limited`). */
  limit?: "user" | "destination" | "ip";
  /** Field-level problems for `invalid-input`. */
  issues?: { path: string; message: string }[];
}

/** One enabled method as its owner sees it. */
export interface TwoFactorMethodStatus {
  enabled: boolean;
  maskedDestination: string;
  /** Epoch milliseconds. */
  enabledAt: number;
}

/**
 * `twoFactor/{uid}`: readable by its owner even before the second step (the sign-in
 * dialog needs the methods), written only by functions.
 */
export interface TwoFactorStatusDoc {
  methods: Partial<Record<TwoFactorMethod, TwoFactorMethodStatus>>;
  /** True while any method is enabled: the rules then demand the second step. */
  required: boolean;
  /** Epoch seconds: sessions verified before this (other browsers) lost access. */
  sessionsValidAfter: number;
  recoveryCodesRemaining: number;
  lastUsedMethod?: TwoFactorMethod;
}

/** `twoFactor/{uid}/devices/{deviceId}`, owner-readable after the second step. */
export interface RememberedDeviceDoc {
  browser: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
}

export type ActivityType =
  | "method-enabled"
  | "method-disabled"
  | "destination-changed"
  | "sign-in-verified"
  | "verification-failed"
  | "locked-out"
  | "recovery-code-used"
  | "recovery-codes-regenerated"
  | "device-remembered"
  | "device-revoked";

/** `twoFactor/{uid}/activity/{id}`, owner-readable after the second step. */
export interface ActivityDoc {
  type: ActivityType;
  /** Epoch milliseconds. */
  at: number;
  method?: TwoFactorMethod | "recovery-code" | "device";
  browser?: string;
}

/** `users/{uid}`: preferences the owner writes; the functions read `locale` for messages. */
export interface UserProfileDoc {
  locale: "en" | "ka";
}

/**
 * Claims the functions put on an upgraded session's ID token (via a custom token).
 * `sessionAt` decides whether the session passed the second step (rules compare it with
 * `sessionsValidAfter`); `mfaAt` says when the user last proved a factor, for step-up.
 */
export interface SecondStepClaims {
  mfa: TwoFactorMethod | "recovery-code" | "device";
  /** Epoch seconds of the last verification of a code or recovery code; 0 for a device. */
  mfaAt: number;
  /** Epoch seconds when this session was issued. */
  sessionAt: number;
}
