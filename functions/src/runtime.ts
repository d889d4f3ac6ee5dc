import { defineSecret, defineString } from "firebase-functions/params";
import type { CallableOptions } from "firebase-functions/v2/https";
import { FUNCTIONS_REGION } from "@dash2fa/shared";

/** Key for the HMACs that store codes; `functions/.secret.local` in the emulator. */
export const otpHmacSecret = defineSecret("OTP_HMAC_SECRET");

/** Key material that seals authenticator app secrets at rest (AES-256-GCM via HKDF). */
export const totpSealingSecret = defineSecret("TOTP_SEALING_KEY");

/** The web app's host name, for the WebOTP line of verification texts. */
export const webHost = defineString("WEB_HOST", {
  default: "localhost",
  description: "Host name of the web app (no scheme or port), e.g. dashboard.example.com",
});

/**
 * Where the web app is, for links in emails: `https://<WEB_HOST>`, or the development
 * server in the emulator.
 */
export function webOrigin(): string {
  return isEmulator() ? `http://${webHost.value()}:5173` : `https://${webHost.value()}`;
}

/** True only inside the Functions emulator, which sets this variable itself. */
export function isEmulator(): boolean {
  return process.env.FUNCTIONS_EMULATOR === "true";
}

/**
 * Options every callable shares, so region, limits and App Check live in one place.
 * App Check is enforced in production; the emulator has no App Check provider.
 */
export const callableOptions: CallableOptions = {
  region: FUNCTIONS_REGION,
  secrets: [otpHmacSecret, totpSealingSecret],
  enforceAppCheck: !isEmulator(),
  maxInstances: 10,
  timeoutSeconds: 30,
};

/** What a single callable may set on top of the options every callable shares. */
export interface CallableSettings {
  /**
   * Replay protection: each App Check token is accepted once, so a token lifted from one
   * request cannot drive scripted calls for the rest of its life. It costs a round trip
   * to App Check per call, so it is kept for the calls that send or check codes.
   */
  consumeAppCheckToken?: boolean;
}

/** The shared options with one callable's settings merged over them. */
export function callableOptionsWith(settings: CallableSettings): CallableOptions {
  return {
    ...callableOptions,
    // Consuming needs App Check's backend and only means something where tokens are
    // enforced; the emulator has neither, so there it stays off like enforcement.
    consumeAppCheckToken:
      callableOptions.enforceAppCheck === true && settings.consumeAppCheckToken === true,
  };
}
