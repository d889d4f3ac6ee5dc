import { defineSecret } from "firebase-functions/params";
import type { CallableOptions } from "firebase-functions/v2/https";
import { FUNCTIONS_REGION } from "@dash2fa/shared";

/** Key for the HMAC that stores codes; `functions/.secret.local` in the emulator. */
export const otpHmacSecret = defineSecret("OTP_HMAC_SECRET");

/** True only inside the Functions emulator, which sets this variable itself. */
export function isEmulator(): boolean {
  return process.env.FUNCTIONS_EMULATOR === "true";
}

/** Options every callable shares, so region and limits live in one place. */
export const callableOptions: CallableOptions = {
  region: FUNCTIONS_REGION,
  secrets: [otpHmacSecret],
  maxInstances: 10,
  timeoutSeconds: 30,
};
