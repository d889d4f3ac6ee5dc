import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import {
  REMEMBER_DEVICE_MS,
  type RememberedDeviceDoc,
  type RememberedDeviceToken,
} from "@dash2fa/shared";

/** The stored device record: the public fields plus the hash of the browser's token. */
export interface StoredDevice extends RememberedDeviceDoc {
  tokenHash: string;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");

/** A new remembered device: the token goes to the browser, only its hash is stored. */
export function newDevice(
  browser: string,
  now: number,
): { token: RememberedDeviceToken; doc: StoredDevice } {
  const deviceId = randomBytes(16).toString("base64url");
  const token = randomBytes(32).toString("base64url");
  const expiresAt = now + REMEMBER_DEVICE_MS;
  return {
    token: { deviceId, token, expiresAt },
    doc: { browser, createdAt: now, lastUsedAt: now, expiresAt, tokenHash: sha256(token) },
  };
}

/**
 * A device still skips the second step only if its token matches, its 30 days have not
 * run out, and nothing has changed since it was remembered: neither the password nor the
 * 2FA settings (both revoke the user's tokens, which moves `tokensValidAfter`).
 */
export function deviceIsValid(
  device: StoredDevice,
  token: string,
  now: number,
  tokensValidAfter: number,
): boolean {
  const expected = Buffer.from(device.tokenHash, "base64url");
  const actual = Buffer.from(sha256(token), "base64url");
  const tokenMatches = expected.length === actual.length && timingSafeEqual(expected, actual);
  return tokenMatches && now < device.expiresAt && device.createdAt >= tokensValidAfter;
}
