import { timingSafeEqual } from "node:crypto";
import type { DocumentReference } from "firebase-admin/firestore";
import { collections, recoveryCodePolicy } from "@dash2fa/shared";
import { db } from "../admin.js";
import { generateRecoveryCode, hashRecoveryCode } from "@dash2fa/shared/server";

export { generateRecoveryCode, hashRecoveryCode };

/** `recoveryCodes/{uid}`: server-only, hashes and use times, never the codes. */
export interface RecoveryCodesDoc {
  codes: { hash: string; usedAt: number | null }[];
  generatedAt: number;
}

export const recoveryCodesRef = (uid: string) =>
  db.collection(collections.recoveryCodes).doc(uid) as DocumentReference<RecoveryCodesDoc>;

export function newRecoveryCodes(
  secret: string,
  uid: string,
  now: number,
): { codes: string[]; doc: RecoveryCodesDoc } {
  const codes = Array.from({ length: recoveryCodePolicy.count }, generateRecoveryCode);
  return {
    codes,
    doc: {
      codes: codes.map((code) => ({ hash: hashRecoveryCode(secret, uid, code), usedAt: null })),
      generatedAt: now,
    },
  };
}

/** The index of the unused code that matches, comparing every entry in constant time. */
export function findUnusedCode(doc: RecoveryCodesDoc, hash: string): number {
  const wanted = Buffer.from(hash, "base64url");
  let found = -1;
  doc.codes.forEach((entry, index) => {
    const stored = Buffer.from(entry.hash, "base64url");
    const same = stored.length === wanted.length && timingSafeEqual(stored, wanted);
    if (same && entry.usedAt === null && found === -1) found = index;
  });
  return found;
}

export const remainingCodes = (doc: RecoveryCodesDoc) =>
  doc.codes.filter((entry) => entry.usedAt === null).length;
