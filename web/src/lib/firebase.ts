import { initializeApp } from "firebase/app";
import {
  browserLocalPersistence,
  connectAuthEmulator,
  indexedDBLocalPersistence,
  initializeAuth,
} from "firebase/auth";
import {
  connectFunctionsEmulator,
  FunctionsError,
  getFunctions,
  httpsCallable,
} from "firebase/functions";
import type { CallableInput, CallableName, CallableResult } from "@dash2fa/shared/contract";
import {
  FUNCTIONS_REGION,
  limitedUseCallables,
  type RefusalDetails,
  type RefusalReason,
} from "@dash2fa/shared";
import { z } from "zod/mini";
import { env } from "@/config/env";
import { chooseAppCheck, startAppCheck } from "./app-check";

/** The one configured Firebase client of the web app. */
export const app = initializeApp(env.firebase);

// initializeAuth rather than getAuth: email and password need no popup/redirect resolver,
// and leaving it out keeps that code out of the bundle.
export const auth = initializeAuth(app, {
  persistence: [indexedDBLocalPersistence, browserLocalPersistence],
});

export const functions = getFunctions(app, FUNCTIONS_REGION);

if (env.emulators) {
  // Firestore connects to its emulator where it is created: `@/lib/firestore`.
  const { host, authPort, functionsPort } = env.emulators;
  connectAuthEmulator(auth, `http://${host}:${authPort}`, { disableWarnings: true });
  connectFunctionsEmulator(functions, host, functionsPort);
}

// Decided at start-up, so a production build missing its App Check settings fails at once
// rather than on its first call.
const appCheckSetup = chooseAppCheck({
  ...env.appCheck,
  emulators: env.emulators !== undefined,
  appId: env.firebase.appId,
});

let appCheckStarting: Promise<void> | undefined;

/** App Check, started once; a failed start (e.g. its chunk did not load) is retried. */
function appCheckReady(): Promise<void> {
  appCheckStarting ??= startAppCheck(app, appCheckSetup).catch((error: unknown) => {
    appCheckStarting = undefined;
    throw error;
  });
  return appCheckStarting;
}

// Started now so its first token is ready by the first call; a failure surfaces there.
appCheckReady().catch(() => undefined);

/**
 * Calls the callable `name` of the shared contract (`@dash2fa/shared/contract`), whose
 * entry gives the input and result types. Resolves with the function's result, rejects
 * with its HttpsError (or with App Check's own error when it could not start or attest).
 * The server parses the input with the contract's schema; forms check it first with the
 * same schemas, for their messages.
 */
export async function call<Name extends CallableName>(
  name: Name,
  input: CallableInput<Name>,
): Promise<CallableResult<Name>> {
  await appCheckReady();
  const callable = httpsCallable<CallableInput<Name>, CallableResult<Name>>(functions, name, {
    limitedUseAppCheckTokens: limitedUseCallables.includes(name),
  });
  return (await callable(input)).data;
}

const failureReasons = {
  "invalid-input": true,
  "wrong-code": true,
  expired: true,
  "attempts-exhausted": true,
  "no-active-code": true,
  cooldown: true,
  "rate-limited": true,
  locked: true,
  "locked-until-recovery": true,
  "wrong-recovery-code": true,
  "recovery-codes-locked": true,
  "method-not-enabled": true,
  "method-already-enabled": true,
  "second-step-required": true,
  "step-up-required": true,
  "device-not-recognized": true,
  "code-already-used": true,
  "passkey-failed": true,
  "passkey-limit": true,
  "wrong-password": true,
  "reset-link-invalid": true,
  "email-not-after-reset": true,
  "session-ended": true,
} as const satisfies Record<RefusalReason, true>;

const failureDetailsSchema: z.ZodMiniType<RefusalDetails> = z.object({
  reason: z.custom<RefusalReason>(
    (value) => typeof value === "string" && Object.hasOwn(failureReasons, value),
  ),
  attemptsLeft: z.optional(z.number()),
  triesBeforeLock: z.optional(z.number()),
  lockedUntil: z.optional(z.number()),
  retryAt: z.optional(z.number()),
  limit: z.optional(z.enum(["user", "destination", "ip"])),
  issues: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
});

/**
 * The refusal a callable explained in its `details`, or one of the shared schemas'
 * (the same rules, so the same reason) when a form checked its input first; `undefined`
 * for any other failure (network, internal, unauthenticated), shown generically.
 */
export function toRefusal(error: unknown): RefusalDetails | undefined {
  if (error instanceof z.core.$ZodError) {
    return {
      reason: "invalid-input",
      issues: error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message })),
    };
  }
  if (!(error instanceof FunctionsError)) return undefined;
  const parsed = failureDetailsSchema.safeParse(error.details);
  return parsed.success ? parsed.data : undefined;
}
