import { Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import {
  collections,
  verificationPurposes,
  type TwoFactorMethod,
  type VerificationPurpose,
} from "@dash2fa/shared";
import { db } from "../admin.js";
import { challengeId, type ChallengeState } from "./challenge.js";

/** Challenges hold times as Timestamps so a TTL policy can remove them. */
export interface ChallengeDoc extends Omit<ChallengeState, "sentAt" | "expiresAt"> {
  sentAt: Timestamp;
  expiresAt: Timestamp;
}

export function challengeRef(id: string) {
  return db.collection(collections.verifications).doc(id);
}

export function readChallenge(snapshot: DocumentSnapshot): ChallengeState | undefined {
  if (!snapshot.exists) return undefined;
  const doc = snapshot.data() as ChallengeDoc;
  return { ...doc, sentAt: doc.sentAt.toMillis(), expiresAt: doc.expiresAt.toMillis() };
}

export function toChallengeDoc(state: ChallengeState): ChallengeDoc {
  return {
    ...state,
    sentAt: Timestamp.fromMillis(state.sentAt),
    expiresAt: Timestamp.fromMillis(state.expiresAt),
  };
}

/**
 * Ends every code (or passkey challenge) pending for `method` with these purposes: a code
 * dies with the reason it was sent, when the method is turned off or its destination
 * changes, instead of living out its ten minutes.
 */
export function endPendingCodes(
  tx: Transaction,
  uid: string,
  method: TwoFactorMethod,
  purposes: readonly VerificationPurpose[] = verificationPurposes,
): void {
  for (const purpose of purposes) tx.delete(challengeRef(challengeId(uid, purpose, method)));
}
