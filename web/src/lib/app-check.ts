import type { FirebaseApp } from "firebase/app";

/**
 * App Check for the web app. Deployed callables refuse any request without a valid App
 * Check token; the Functions emulator checks none, and App Check itself cannot work
 * offline (every provider, the debug one included, exchanges its proof with Google).
 */

/** How App Check is set up, decided once from the environment. */
export type AppCheckSetup =
  | { provider: "none" }
  | { provider: "debug"; debugToken: string }
  | { provider: "recaptcha-enterprise"; siteKey: string };

export interface AppCheckEnvironment {
  /** Whether the app talks to the Emulator Suite. */
  emulators: boolean;
  /** A `vite build` bundle, as opposed to the development server. */
  productionBuild: boolean;
  appId?: string | undefined;
  siteKey?: string | undefined;
  debugToken?: string | undefined;
}

/**
 * - A debug token, on the development server only: the debug provider, for a real
 *   project from a machine reCAPTCHA cannot attest (e.g. localhost). A production bundle
 *   carrying one would publish a token that passes App Check, so that is refused.
 * - Otherwise, with the emulators: no App Check, so nothing reaches the network.
 * - Otherwise: reCAPTCHA Enterprise, whose site key is then required, since without App
 *   Check every callable is refused.
 */
export function chooseAppCheck(environment: AppCheckEnvironment): AppCheckSetup {
  const { emulators, productionBuild, appId, siteKey, debugToken } = environment;
  if (debugToken !== undefined && productionBuild) {
    throw new Error(
      "VITE_APPCHECK_DEBUG_TOKEN is set in a production build: it would let anyone pass App Check.",
    );
  }
  const setup: AppCheckSetup =
    debugToken !== undefined
      ? { provider: "debug", debugToken }
      : emulators
        ? { provider: "none" }
        : siteKey !== undefined
          ? { provider: "recaptcha-enterprise", siteKey }
          : missing("VITE_RECAPTCHA_ENTERPRISE_SITE_KEY");
  if (setup.provider !== "none" && appId === undefined) missing("VITE_FIREBASE_APP_ID");
  return setup;
}

function missing(variable: string): never {
  throw new Error(`${variable} is required outside the emulators: callables demand App Check.`);
}

/**
 * Starts App Check as chosen. The SDK is imported only when it is used, so the emulator
 * build's first load does not carry it; callables wait for this before their first call
 * (the Functions SDK picks App Check up once it exists).
 */
export async function startAppCheck(app: FirebaseApp, setup: AppCheckSetup): Promise<void> {
  if (setup.provider === "none") return;
  const { CustomProvider, initializeAppCheck, ReCaptchaEnterpriseProvider } =
    await import("firebase/app-check");
  if (setup.provider === "debug") {
    // Read by the SDK when App Check starts; with it, every token comes from the debug
    // exchange and the provider below is never asked, so reCAPTCHA is not loaded at all.
    Object.assign(globalThis, { FIREBASE_APPCHECK_DEBUG_TOKEN: setup.debugToken });
    const unused = new CustomProvider({
      getToken: () => Promise.reject(new Error("App Check is in debug mode")),
    });
    initializeAppCheck(app, { provider: unused, isTokenAutoRefreshEnabled: true });
    return;
  }
  initializeAppCheck(app, {
    provider: new ReCaptchaEnterpriseProvider(setup.siteKey),
    isTokenAutoRefreshEnabled: true,
  });
}
