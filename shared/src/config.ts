/**
 * Every number the verification engine enforces, in one place. Durations carry their
 * unit in their name so a reader never has to guess (a "two hours" constant that is
 * really two minutes is the bug this prevents); `config.test.ts` pins each one.
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export const verificationPolicy = {
  /** Digits in a one-time code. */
  codeLength: 6,
  /** How long a code can be used after it is sent. */
  codeLifetimeMs: 10 * MINUTE_MS,
  /** Wrong guesses that kill a code (and every code that replaces it). */
  maxFailedAttempts: 5,
  /** Minimum wait between two sends for the same challenge. */
  resendCooldownMs: 60 * SECOND_MS,
} as const;

/** How many codes may be sent, per sliding window, before `resource-exhausted`. */
export const sendLimits = {
  perUserShort: { max: 5, windowMs: 15 * MINUTE_MS },
  perUserDaily: { max: 20, windowMs: DAY_MS },
  /** Per phone number or email address: the SMS-pumping guard. */
  perDestinationDaily: { max: 10, windowMs: DAY_MS },
  perIp: { max: 30, windowMs: HOUR_MS },
  /** Remembered-device sign-ins per user, right or wrong: no code is sent, but it is a door. */
  deviceSignIns: { max: 10, windowMs: 15 * MINUTE_MS },
  /** Password reset links per address, whoever asks (answers stay the same when refused). */
  passwordResetsPerAddress: { max: 3, windowMs: HOUR_MS },
} as const;

export const passwordPolicy = {
  /** How long an emailed reset link works; it works once. */
  resetLinkLifetimeMs: 30 * MINUTE_MS,
  /** How fresh the proof of the current password must be to change it. */
  proofMaxAgeMs: 5 * MINUTE_MS,
} as const;

/** Consecutive wrong codes (any purpose) across challenges, reset by a success. */
export const lockoutPolicy = {
  /** At this many consecutive failures verification locks for `firstLockMs`… */
  softThreshold: 10,
  firstLockMs: 15 * MINUTE_MS,
  /** …and each further failure doubles the wait, up to this cap. */
  maxLockMs: 24 * HOUR_MS,
  /** At this many, only a recovery code (or support) unlocks verification. */
  hardThreshold: 100,
  /** Wrong recovery codes in a row before recovery codes lock for `firstLockMs` (doubling). */
  recoveryCodeThreshold: 5,
} as const;

/** Sensitive changes need a verification at most this old (`requireRecentVerification`). */
export const STEP_UP_WINDOW_MS = 10 * MINUTE_MS;

export const recoveryCodePolicy = {
  count: 10,
  /** Characters per code from a 32-symbol alphabet: 16 × 5 = 80 bits. */
  length: 16,
  groupSize: 4,
} as const;

/** The authenticator app (RFC 6238): the parameters every common app supports. */
export const totpPolicy = {
  digits: 6,
  periodSeconds: 30,
  /** Codes of this many time steps either side of now are accepted (clock drift). */
  window: 1,
  algorithm: "SHA1",
  /** 160 bits, RFC 4226's recommended secret length. */
  secretBytes: 20,
  /** How long a new secret waits for its first code before enrolment must start over. */
  enrollmentLifetimeMs: 15 * MINUTE_MS,
} as const;

/** Passkeys and security keys (WebAuthn) used as a second factor. */
export const passkeyPolicy = {
  /** How long a registration or sign-in challenge can be answered. */
  challengeLifetimeMs: 5 * MINUTE_MS,
  /** The browser's own prompt timeout. */
  timeoutMs: 2 * MINUTE_MS,
  /** Keys one account may register. */
  maxKeys: 10,
  nameMaxLength: 64,
} as const;

/**
 * A session: what one completed second step grants a browser, until it is signed out,
 * ended from another session, or runs out. The rules and every callable refuse it after.
 */
export const sessionPolicy = {
  /** It ends this long after the second step that started it, however active. */
  absoluteLifetimeMs: 30 * DAY_MS,
  /** It ends this long after its browser was last used. */
  idleTimeoutMs: 7 * DAY_MS,
} as const;

/**
 * How often a browser in use reports it (`touchSession`): a twelfth of the idle limit,
 * at most hourly, so a session in use never reaches it and "last seen" stays near true.
 */
export const SESSION_ACTIVITY_INTERVAL_MS = Math.min(HOUR_MS, sessionPolicy.idleTimeoutMs / 12);

/** A remembered device skips the second step for this long, never longer. */
export const REMEMBER_DEVICE_MS = 30 * DAY_MS;

/** SMS goes only to mobile numbers of these countries (ISO 3166-1 alpha-2). */
export const smsPolicy = {
  allowedCountries: ["GE"],
  defaultCountry: "GE",
} as const;

/** Where the callable functions run; the web app must call the same region. */
export const FUNCTIONS_REGION = "europe-west1";

/** Languages of the UI, emails and texts; Georgian first for the product's home market. */
export const supportedLocales = ["en", "ka"] as const;
export type Locale = (typeof supportedLocales)[number];
export const defaultLocale: Locale = "en";

/** The product as its users see it in emails and texts. */
export const product = {
  name: "Dashboard",
  /** Brand colours for emails (the web app's CSS uses the same values). */
  colors: { accent: "#1a56b8", text: "#1b1f24", background: "#f5f6f8" },
} as const;

/** Firestore collection names, shared by the functions, the rules tests and the seeds. */
export const collections = {
  /** Per-user 2FA status, readable by its owner only; written only by functions. */
  twoFactor: "twoFactor",
  /** Full 2FA destinations (email, phone); server-only, unlike the masked status. */
  twoFactorDestinations: "twoFactorDestinations",
  /** Pending verification challenges; never readable by clients. */
  verifications: "verifications",
  /** Outbound email in the Trigger Email extension's schema. */
  mail: "mail",
  /** Outbound SMS, sent by the project's SMS extension (`extensions/sms-sender`). */
  messages: "messages",
  /** Server-only: recovery code hashes per user. */
  recoveryCodes: "recoveryCodes",
  /** Server-only: consecutive failures and lockouts per user. */
  verificationGuards: "verificationGuards",
  /** Server-only: sliding-window send counters per user, destination and IP. */
  rateLimits: "rateLimits",
  /** Server-only: pending password reset links, by the hash of their token. */
  passwordResets: "passwordResets",
  /**
   * `users/{uid}`: the user's preferences (`locale`), written by the owner; its `notes`
   * subcollection is protected dashboard data, readable only after the second step.
   */
  users: "users",
  /** Subcollections of `twoFactor/{uid}`, owner-readable after the second step. */
  devices: "devices",
  /**
   * `twoFactor/{uid}/sessions/{sessionId}`: one per completed second step. Its owner lists
   * them after the second step and may always read the one its token names (`sid`).
   */
  sessions: "sessions",
  activity: "activity",
  /** `twoFactor/{uid}/passkeys/{passkeyId}`: registered keys, owner-readable after the second step. */
  passkeys: "passkeys",
  /** `twoFactor/{uid}/deliveries/{purpose}_{method}`: the current code's delivery state, owner-readable. */
  deliveries: "deliveries",
  /** Server-only: the authenticator app secret per user, encrypted, and its last used step. */
  totpSecrets: "totpSecrets",
} as const;
