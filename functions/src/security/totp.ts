import { randomBytes } from "node:crypto";
import type { DocumentReference } from "firebase-admin/firestore";
import { Secret, TOTP } from "otpauth";
import { collections, product, totpPolicy } from "@dash2fa/shared";
import type { SealedSecret } from "@dash2fa/shared/server";
import { db } from "../admin.js";

/**
 * The authenticator app (RFC 6238). Its shared secret is the one thing here that, stolen,
 * would let someone make valid codes, so it is stored only sealed with AES-256-GCM under
 * a key derived from a Functions secret (`sealSecret` in `@dash2fa/shared/server`).
 */
export { openSecret, sealSecret, type SealedSecret } from "@dash2fa/shared/server";

/** `totpSecrets/{uid}`: server-only. */
export interface TotpSecretDoc {
  /** Waiting for its first code (enrolment); replaced by each new start. */
  pending?: { sealed: SealedSecret; createdAt: number; expiresAt: number };
  /** The enabled secret and the last time step a code was accepted for (replay guard). */
  active?: { sealed: SealedSecret; enabledAt: number; lastUsedStep: number };
}

export const totpSecretRef = (uid: string): DocumentReference =>
  db.collection(collections.totpSecrets).doc(uid);

export function newSecretBytes(): Uint8Array {
  return new Uint8Array(randomBytes(totpPolicy.secretBytes));
}

function totpOf(secret: Uint8Array, label = ""): TOTP {
  return new TOTP({
    issuer: product.name,
    label,
    algorithm: totpPolicy.algorithm,
    digits: totpPolicy.digits,
    period: totpPolicy.periodSeconds,
    secret: new Secret({ buffer: secret.slice().buffer }),
  });
}

/** What enrolment shows: the base32 secret and the `otpauth://` URI for the QR code. */
export function describeSecret(secret: Uint8Array, accountLabel: string) {
  const totp = totpOf(secret, accountLabel);
  return { secret: totp.secret.base32, otpauthUri: totp.toString() };
}

export const timeStep = (now: number): number => Math.floor(now / 1000 / totpPolicy.periodSeconds);

/**
 * The time step whose code `code` is, within `totpPolicy.window` steps of `now`, or
 * undefined. The comparison is otpauth's constant-time one.
 */
export function matchingStep(secret: Uint8Array, code: string, now: number): number | undefined {
  const delta = totpOf(secret).validate({ token: code, timestamp: now, window: totpPolicy.window });
  return delta === null ? undefined : timeStep(now) + delta;
}

/** The code for a time: for tests and the development tools, never sent anywhere. */
export function codeAt(secret: Uint8Array, at: number): string {
  return totpOf(secret).generate({ timestamp: at });
}
