/**
 * The instance's params, as the extension runtime hands them over (environment
 * variables, the secret included), read and checked in one place.
 */
import type { LeasePolicy } from "./delivery.js";
import { codePattern } from "./redaction.js";

export const providers = ["twilio"] as const;
export type ProviderName = (typeof providers)[number];

export interface Config {
  /** The Firestore database and collection whose new documents are sent. */
  database: string;
  collection: string;
  location: string;
  provider: ProviderName;
  twilio: {
    accountSid: string;
    authToken: string;
    from?: string;
    messagingServiceSid?: string;
    apiBaseUrl: string;
  };
  statusCallbackUrl: string;
  policy: LeasePolicy;
  /** One API call's limit, inside the lease so a hung call never outlives it. */
  providerTimeoutMs: number;
  codePattern: RegExp | null;
}

/** One API call may take this long. */
export const PROVIDER_TIMEOUT_MS = 10_000;
/**
 * An attempt holds the message this long: one API call plus the writes around it. A
 * function killed mid-send frees the message once this has passed.
 */
export const LEASE_MS = 30_000;

/** The default emulator origin of the Functions emulator (`firebase.json`). */
export const EMULATOR_FUNCTIONS_ORIGIN = "http://127.0.0.1:5001";

/**
 * The public URL of the instance's `statusCallback` function, which receipts must be
 * posted to and signed for: the `STATUS_CALLBACK_URL` param when set, otherwise where
 * Cloud Functions (or the Functions emulator) serves `ext-<instance>-statusCallback`.
 */
export function statusCallbackUrl(env: {
  override?: string;
  projectId: string;
  location: string;
  instanceId: string;
  emulator: boolean;
}): string {
  if (env.override) return env.override;
  const name = `ext-${env.instanceId}-statusCallback`;
  if (env.emulator) {
    return `${EMULATOR_FUNCTIONS_ORIGIN}/${env.projectId}/${env.location}/${name}`;
  }
  return `https://${env.location}-${env.projectId}.cloudfunctions.net/${name}`;
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim();
  if (!value) throw new Error(`The ${name} param is not set`);
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | undefined {
  return env[name]?.trim() || undefined;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const provider = required(env, "SMS_PROVIDER");
  if (!(providers as readonly string[]).includes(provider)) {
    throw new Error(`SMS_PROVIDER must be one of ${providers.join(", ")}, not "${provider}"`);
  }
  const from = optional(env, "TWILIO_PHONE_NUMBER");
  const messagingServiceSid = optional(env, "TWILIO_MESSAGING_SERVICE_SID");
  if (!from && !messagingServiceSid) {
    throw new Error("Set TWILIO_PHONE_NUMBER or TWILIO_MESSAGING_SERVICE_SID");
  }
  const maxAttempts = Number(optional(env, "MAX_ATTEMPTS") ?? "3");
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1) {
    throw new Error("MAX_ATTEMPTS must be a whole number of at least 1");
  }
  const location = required(env, "LOCATION");
  return {
    database: optional(env, "DATABASE") ?? "(default)",
    collection: required(env, "MESSAGE_COLLECTION"),
    location,
    provider: provider as ProviderName,
    twilio: {
      accountSid: required(env, "TWILIO_ACCOUNT_SID"),
      authToken: required(env, "TWILIO_AUTH_TOKEN"),
      from,
      messagingServiceSid,
      apiBaseUrl: optional(env, "PROVIDER_API_BASE_URL") ?? "https://api.twilio.com",
    },
    statusCallbackUrl: statusCallbackUrl({
      override: optional(env, "STATUS_CALLBACK_URL"),
      projectId: required(env, "PROJECT_ID"),
      location,
      instanceId: required(env, "EXT_INSTANCE_ID"),
      emulator: env.FUNCTIONS_EMULATOR === "true",
    }),
    policy: { maxAttempts, leaseMs: LEASE_MS },
    providerTimeoutMs: PROVIDER_TIMEOUT_MS,
    codePattern: codePattern(env.CODE_PATTERN),
  };
}
