import { z } from "zod/mini";

/**
 * Every environment variable the web app reads, declared once and validated when the app
 * starts, so a typo fails loudly instead of silently talking to the wrong backend. The
 * defaults run the app against the Emulator Suite with a `demo-` project: no cloud
 * project, no login, no internet.
 */

/** `VITE_X=` in a .env file means "not set", not "set to the empty string". */
const optional = <Schema extends z.ZodMiniType>(schema: Schema) =>
  z.pipe(
    z.transform((value: unknown) => (value === "" ? undefined : value)),
    schema,
  );

const port = (fallback: number) =>
  optional(
    z._default(z.pipe(z.coerce.number(), z.int().check(z.minimum(1), z.maximum(65_535))), fallback),
  );

const envSchema = z.object({
  VITE_FIREBASE_API_KEY: optional(z._default(z.string(), "demo-api-key")),
  VITE_FIREBASE_PROJECT_ID: optional(z._default(z.string(), "demo-2fa")),
  VITE_FIREBASE_AUTH_DOMAIN: optional(z._default(z.string(), "demo-2fa.firebaseapp.com")),
  // App Check names the registered web app in every token exchange; the emulators need none.
  VITE_FIREBASE_APP_ID: optional(z.optional(z.string())),
  VITE_RECAPTCHA_ENTERPRISE_SITE_KEY: optional(z.optional(z.string())),
  VITE_APPCHECK_DEBUG_TOKEN: optional(z.optional(z.string())),
  VITE_USE_EMULATORS: z.pipe(
    optional(z.optional(z.string())),
    z.transform((value: string | undefined) => value !== "false"),
  ),
  VITE_EMULATOR_HOST: optional(z._default(z.string(), "127.0.0.1")),
  VITE_AUTH_EMULATOR_PORT: port(9099),
  VITE_FIRESTORE_EMULATOR_PORT: port(8080),
  VITE_FUNCTIONS_EMULATOR_PORT: port(5001),
});

function readEnv() {
  const parsed = envSchema.safeParse(import.meta.env);
  if (!parsed.success) {
    throw new Error(`Invalid environment variables:\n${z.prettifyError(parsed.error)}`);
  }
  const vars = parsed.data;
  return {
    firebase: {
      apiKey: vars.VITE_FIREBASE_API_KEY,
      projectId: vars.VITE_FIREBASE_PROJECT_ID,
      authDomain: vars.VITE_FIREBASE_AUTH_DOMAIN,
      ...(vars.VITE_FIREBASE_APP_ID !== undefined && { appId: vars.VITE_FIREBASE_APP_ID }),
    },
    appCheck: {
      siteKey: vars.VITE_RECAPTCHA_ENTERPRISE_SITE_KEY,
      debugToken: vars.VITE_APPCHECK_DEBUG_TOKEN,
      productionBuild: import.meta.env.PROD,
    },
    emulators: vars.VITE_USE_EMULATORS
      ? {
          host: vars.VITE_EMULATOR_HOST,
          authPort: vars.VITE_AUTH_EMULATOR_PORT,
          firestorePort: vars.VITE_FIRESTORE_EMULATOR_PORT,
          functionsPort: vars.VITE_FUNCTIONS_EMULATOR_PORT,
        }
      : undefined,
  } as const;
}

export const env = readEnv();
