import { createHmac, randomBytes, randomInt, timingSafeEqual } from "node:crypto";
import { verificationPolicy } from "@dash2fa/shared";

/** A code from the CSPRNG, zero-padded so leading zeros are kept. */
export function generateCode(): string {
  return randomInt(0, 10 ** verificationPolicy.codeLength)
    .toString()
    .padStart(verificationPolicy.codeLength, "0");
}

/** Per-send salt, so equal codes never produce equal hashes. */
export function generateNonce(): string {
  return randomBytes(16).toString("base64url");
}

/** Everything a code is bound to: a code for one of these never verifies for another. */
export interface CodeBinding {
  uid: string;
  purpose: string;
  method: string;
  destination: string;
  nonce: string;
}

export function hashCode(secret: string, binding: CodeBinding, code: string): string {
  const { uid, purpose, method, destination, nonce } = binding;
  return createHmac("sha256", secret)
    .update(JSON.stringify([uid, purpose, method, destination, nonce, code]))
    .digest("base64url");
}

/** Constant-time comparison of a submitted code against the stored hash. */
export function codeMatches(
  secret: string,
  binding: CodeBinding,
  code: string,
  storedHash: string,
): boolean {
  const expected = Buffer.from(storedHash, "base64url");
  const actual = Buffer.from(hashCode(secret, binding, code), "base64url");
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
