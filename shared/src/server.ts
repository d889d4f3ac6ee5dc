import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  randomInt,
} from "node:crypto";
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

/** A sealed secret: the base64url parts of AES-256-GCM. */
export interface SealedSecret {
  iv: string;
  data: string;
  tag: string;
}

function sealingKey(keyMaterial: string): Buffer {
  return Buffer.from(hkdfSync("sha256", keyMaterial, "", "dash2fa totp secret v1", 32));
}

/**
 * Seals an authenticator app secret with AES-256-GCM under a key derived (HKDF) from a
 * Functions secret, with the user id as associated data: a sealed secret copied to
 * another user's document does not open.
 */
export function sealSecret(keyMaterial: string, uid: string, secret: Uint8Array): SealedSecret {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", sealingKey(keyMaterial), iv);
  cipher.setAAD(Buffer.from(uid));
  const data = Buffer.concat([cipher.update(secret), cipher.final()]);
  return {
    iv: iv.toString("base64url"),
    data: data.toString("base64url"),
    tag: cipher.getAuthTag().toString("base64url"),
  };
}

/** Throws if the key, the user or any byte differs from sealing time. */
export function openSecret(keyMaterial: string, uid: string, sealed: SealedSecret): Uint8Array {
  const decipher = createDecipheriv(
    "aes-256-gcm",
    sealingKey(keyMaterial),
    Buffer.from(sealed.iv, "base64url"),
  );
  decipher.setAAD(Buffer.from(uid));
  decipher.setAuthTag(Buffer.from(sealed.tag, "base64url"));
  return new Uint8Array(
    Buffer.concat([decipher.update(Buffer.from(sealed.data, "base64url")), decipher.final()]),
  );
}
