import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { Secret, TOTP } from "otpauth";
import { collections, product, totpPolicy } from "@dash2fa/shared";
import { db } from "../admin.js";

/**
 * The authenticator app (RFC 6238). Its shared secret is the one thing here that, stolen,
 * would let someone make valid codes, so it is stored only sealed with AES-256-GCM under
 * a key derived from a Functions secret, with the user id as associated data: a sealed
 * secret copied to another user's document does not open.
 */

/** A sealed secret: base64url parts of AES-256-GCM. */
export interface SealedSecret {
  iv: string;
  data: string;
  tag: string;
}

/** `totpSecrets/{uid}`: server-only. */
export interface TotpSecretDoc {
  /** Waiting for its first code (enrolment); replaced by each new start. */
  pending?: { sealed: SealedSecret; createdAt: number; expiresAt: number };
  /** The enabled secret and the last time step a code was accepted for (replay guard). */
  active?: { sealed: SealedSecret; enabledAt: number; lastUsedStep: number };
}

export const totpSecretRef = (uid: string): DocumentReference =>
  db.collection(collections.totpSecrets).doc(uid);

function sealingKey(keyMaterial: string): Buffer {
  return Buffer.from(hkdfSync("sha256", keyMaterial, "", "dash2fa totp secret v1", 32));
}

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

/** Turning the app off forgets its secret entirely. */
export function forgetTotp(tx: Transaction, uid: string): void {
  tx.delete(totpSecretRef(uid));
}
