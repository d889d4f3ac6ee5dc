import type {
  CodeMethod,
  DeliveredMethod,
  TwoFactorMethod,
  VerificationPurpose,
} from "./schemas.js";
import type { CallableName } from "./contract.js";

/**
 * The callables that consume each App Check token (replay protection on the server), so
 * every call to them needs a fresh limited-use token rather than the cached one. The
 * functions and the web app both read this one list; the rest of the contract is in
 * `contract.ts`.
 */
export const limitedUseCallables: readonly CallableName[] = ["sendVerificationCode", "verifyCode"];

/** What the client learns about a sent code: never the code, never the full address. */
export interface SendVerificationCodeResult {
  purpose: VerificationPurpose;
  method: DeliveredMethod;
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
  method: CodeMethod;
  /** Empty for the authenticator app, which has no destination. */
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
  /** The methods still on afterwards, in the Security page's order; empty when 2FA is now off. */
  remainingMethods: TwoFactorMethod[];
}

export interface SetPreferredMethodResult {
  preferredMethod: TwoFactorMethod;
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

/** `twoFactor/{uid}/deliveries/{id}`: one mirror per purpose and method, e.g. `sign-in_email`. */
export type DeliveryMirrorId = `${VerificationPurpose}_${DeliveredMethod}`;

/**
 * The delivery state of the message carrying the owner's current code for one purpose and
 * method, which its owner reads live: written only by the functions, from the outbound
 * document, and holding nothing secret (no code, no destination).
 */
export interface DeliveryMirrorDoc {
  state: DeliveryState;
  /** The `expiresAt` of the code the message carries, as its send result gave it. */
  codeExpiresAt: number;
  /** Epoch milliseconds of the last change. */
  updatedAt: number;
}

/**
 * A new authenticator app secret, shown once: as a QR code of `otpauthUri` and as `secret`
 * for typing. Nothing is enabled until `verifyCode` confirms it with a first code.
 */
export interface StartTotpEnrollmentResult {
  /** Base32, RFC 4648, no padding. */
  secret: string;
  otpauthUri: string;
  /** Epoch milliseconds; after this the secret must be started again. */
  expiresAt: number;
}

/**
 * WebAuthn options exactly as SimpleWebAuthn produces them
 * (`PublicKeyCredentialCreationOptionsJSON` or `…RequestOptionsJSON`), for the browser's
 * `startRegistration` / `startAuthentication`.
 */
export type WebAuthnOptionsJSON = Record<string, unknown>;

export interface PasskeyChallengeResult {
  options: WebAuthnOptionsJSON;
  /** Epoch milliseconds; the answer is refused after this. */
  expiresAt: number;
}

export interface FinishPasskeyRegistrationResult extends SessionUpgrade {
  method: "passkey";
  passkeyId: string;
  name: string;
  /** Only when this key enabled the user's first method: shown once. */
  recoveryCodes?: string[];
}

export interface FinishPasskeyVerificationResult extends SessionUpgrade {
  purpose: "sign-in" | "step-up";
  method: "passkey";
  /** The name of the key that answered. */
  name: string;
  rememberedDevice?: RememberedDeviceToken;
}

export interface RenamePasskeyResult {
  passkeyId: string;
  name: string;
}

export interface RemovePasskeyResult extends SessionUpgrade {
  /** Keys left; at 0 the passkey method is off. */
  remaining: number;
}

/** `twoFactor/{uid}/passkeys/{passkeyId}` as its owner sees it (after the second step). */
export interface PasskeyDoc {
  name: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastUsedAt?: number;
  /** "platform" (built into this device) or "cross-platform" (a security key or phone). */
  attachment?: "platform" | "cross-platform";
}

export interface RevokeDevicesResult {
  revoked: number;
}

/**
 * The `details.reason` of every refusal the callables return, so the UI can tell each
 * case apart without parsing messages.
 */
export type RefusalReason =
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
  | "device-not-recognized"
  /** The authenticator app code was already used: wait for the next one. */
  | "code-already-used"
  /** The passkey answer did not verify, or came from a key not registered here. */
  | "passkey-failed"
  | "passkey-limit"
  /** The proof of the current password is missing, wrong, old or another user's. */
  | "wrong-password"
  /** The reset link is unknown, used or expired. */
  | "reset-link-invalid"
  /** After a reset by email link, the next second step must use another method. */
  | "email-not-after-reset"
  /** The caller's session was signed out, ended elsewhere or ran out: sign in again. */
  | "session-ended";

export interface RefusalDetails {
  reason: RefusalReason;
  /** Wrong answers this code (or, for recovery codes, the account) still allows. */
  attemptsLeft?: number;
  /**
   * A wrong typed code (`wrong-code`): how many more wrong codes, across every method,
   * before verification by code locks; 0 when this one started the lock (`lockedUntil`).
   */
  triesBeforeLock?: number;
  /** Epoch milliseconds: a wrong code that started the lock says until when. */
  lockedUntil?: number;
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
  /** Empty for the authenticator app and passkeys. */
  maskedDestination: string;
  /** Passkeys only: how many keys are registered. */
  keys?: number;
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
  /**
   * Epoch milliseconds: no recorded session of the account lives past this (the latest
   * `expiresAt` of a session started). A change that ends the other sessions skips reading
   * them once it has passed. Absent on accounts from before it was recorded: read them.
   */
  sessionsLiveUntil?: number;
  recoveryCodesRemaining: number;
  /** The method of the last second step passed (or enabled); cleared when it is turned off. */
  lastUsedMethod?: TwoFactorMethod;
  /**
   * The method the person chose on the Security page for sign-in to ask for first;
   * cleared when it is turned off (`suggestedMethod`).
   */
  preferredMethod?: TwoFactorMethod;
  /**
   * Set by a password reset through an emailed link, cleared by the next second step:
   * until then email may not be that second step (the mailbox gave the password).
   */
  emailBarredAfterReset?: boolean;
}

/** `twoFactor/{uid}/devices/{deviceId}`, owner-readable after the second step. */
export interface RememberedDeviceDoc {
  browser: string;
  /** Epoch milliseconds. */
  createdAt: number;
  lastUsedAt: number;
  expiresAt: number;
  /**
   * Epoch seconds: the `sessionAt` of the sign-in that remembered it. Like a session, it
   * counts only while this is at or after the status's `sessionsValidAfter`
   * (`deviceStillCounts`). Absent on devices remembered before it was recorded.
   */
  sessionAt?: number;
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
  | "device-revoked"
  | "passkey-added"
  | "passkey-renamed"
  | "passkey-removed"
  | "password-changed"
  | "password-reset"
  | "session-ended";

/** `twoFactor/{uid}/activity/{id}`, owner-readable after the second step. */
export interface ActivityDoc {
  type: ActivityType;
  /** Epoch milliseconds. */
  at: number;
  method?: TwoFactorMethod | "recovery-code" | "device";
  browser?: string;
  /** The key's name, for passkey events. */
  name?: string;
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
  /** The session's id: `twoFactor/{uid}/sessions/{sid}` says whether it still lives. */
  sid: string;
}

/** How the second step of a session was passed: a method, a recovery code or a device. */
export type SecondStepMeans = SecondStepClaims["mfa"];

/** Why a session ended before its time. */
export type SessionEndReason =
  /** Its own browser signed out. */
  | "signed-out"
  /** Another session of the same account signed it out. */
  | "ended-elsewhere"
  /** The remembered device that started it was revoked. */
  | "device-revoked"
  /** A 2FA or password change ended every other session. */
  | "account-changed";

/**
 * `twoFactor/{uid}/sessions/{sessionId}`: one per completed second step (sign-in, or the
 * first enrolment), written only by functions. Times in epoch milliseconds.
 */
export interface SessionDoc {
  /** "Chrome on Linux". */
  browser: string;
  how: SecondStepMeans;
  /** The remembered device this session signed in with, or was remembered by. */
  deviceId?: string;
  createdAt: number;
  lastSeenAt: number;
  /** `createdAt` plus the absolute lifetime. */
  expiresAt: number;
  /** `lastSeenAt` plus the idle limit. */
  idleExpiresAt: number;
  /** Epoch seconds: its token's `sessionAt` when it started (for `sessionsValidAfter`). */
  sessionAt: number;
  /** Null while it lives (so a query can ask for the live ones). */
  endedAt: number | null;
  endedReason?: SessionEndReason;
}

/** `touchSession`: when the session will end unless used again, and when at the latest. */
export interface TouchSessionResult {
  idleExpiresAt: number;
  expiresAt: number;
}

/** `signOutSession` and `signOutOtherSessions`: how many sessions ended. */
export interface SignOutSessionsResult {
  ended: number;
}

/** `changePassword`: the caller's session, re-issued after every other one ended. */
export type ChangePasswordResult = SessionUpgrade;

/** `requestPasswordReset`: the same answer whether or not the address has an account. */
export interface RequestPasswordResetResult {
  accepted: true;
}

/** `completePasswordReset`: the password is set; the person signs in with it next. */
export interface CompletePasswordResetResult {
  /** The second step at the next sign-in may not be email (`emailBarredAfterReset`). */
  emailBarred: boolean;
}
