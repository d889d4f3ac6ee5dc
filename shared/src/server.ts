import { createHmac, randomInt } from "node:crypto";
import { recoveryCodePolicy } from "./config.js";
import { RECOVERY_CODE_ALPHABET } from "./schemas.js";

// Node-only helpers (node:crypto), exported as "@dash2fa/shared/server" and never from
// the package root, so the web bundle does not pull them in. The functions use them, and
// so do the seed script and the end-to-end tests, which create accounts with 2FA.

/** 16 symbols of 32 from the CSPRNG (80 bits), shown as ABCD-EFGH-JKMN-PQRS. */
export function generateRecoveryCode(): string {
  const symbols = Array.from(
    { length: recoveryCodePolicy.length },
    () => RECOVERY_CODE_ALPHABET[randomInt(RECOVERY_CODE_ALPHABET.length)],
  ).join("");
  return symbols.match(new RegExp(`.{${recoveryCodePolicy.groupSize}}`, "g"))?.join("-") ?? "";
}

/** Keyed and bound to the user, so a leaked table helps no one and fits no other account. */
export function hashRecoveryCode(secret: string, uid: string, code: string): string {
  const normalized = code.replace(/[\s-]/g, "").toUpperCase();
  return createHmac("sha256", secret)
    .update(JSON.stringify(["recovery-code", uid, normalized]))
    .digest("base64url");
}
