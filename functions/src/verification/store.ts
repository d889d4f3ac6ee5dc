import { Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import { collections } from "@dash2fa/shared";
import { db } from "../admin.js";
import type { ChallengeState } from "./challenge.js";

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
