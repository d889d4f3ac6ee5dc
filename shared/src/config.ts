/**
 * Every number the verification engine enforces, in one place. Durations carry their
 * unit in their name so a reader never has to guess (a "two hours" constant that is
 * really two minutes is the bug this prevents); `config.test.ts` pins each one.
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60 * SECOND_MS;

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

/** Where the callable functions run; the web app must call the same region. */
export const FUNCTIONS_REGION = "europe-west1";

/** The product as its users see it in emails and texts. */
export const product = {
  name: "Dashboard",
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
  /** Outbound SMS in the Twilio Send Message extension's schema. */
  messages: "messages",
} as const;
