import { createHash } from "node:crypto";
import { Timestamp, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { passkeyPolicy, type PasskeyDoc, type VerificationPurpose } from "@dash2fa/shared";
import { challengeId } from "../verification/challenge.js";
import { challengeRef } from "../verification/store.js";

/**
 * `twoFactor/{uid}/passkeys/{passkeyId}`: what the owner sees (`PasskeyDoc`) plus the
 * public key and signature counter the functions verify with. Nothing here is secret:
 * a public key proves nothing without the authenticator's private key.
 */
export interface PasskeyRecord extends PasskeyDoc {
  credentialId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
}

/** The document id of a credential: fixed length whatever the authenticator's id. */
export function passkeyIdOf(credentialId: string): string {
  return createHash("sha256").update(credentialId).digest("base64url");
}

/** A WebAuthn challenge waiting for its answer, in `verifications` like sent codes. */
export interface PasskeyChallengeDoc {
  uid: string;
  purpose: VerificationPurpose;
  method: "passkey";
  challenge: string;
  /** TTL field of the `verifications` collection. */
  expiresAt: Timestamp;
}

export const passkeyChallengeRef = (uid: string, purpose: VerificationPurpose) =>
  challengeRef(challengeId(uid, purpose, "passkey"));

export function savePasskeyChallenge(
  tx: Transaction,
  uid: string,
  purpose: VerificationPurpose,
  challenge: string,
  now: number,
): number {
  const expiresAt = now + passkeyPolicy.challengeLifetimeMs;
  tx.set(passkeyChallengeRef(uid, purpose), {
    uid,
    purpose,
    method: "passkey",
    challenge,
    expiresAt: Timestamp.fromMillis(expiresAt),
  } satisfies PasskeyChallengeDoc);
  return expiresAt;
}

/** The live challenge's value, or why there is none. */
export function liveChallenge(
  snapshot: DocumentSnapshot | undefined,
  now: number,
): { challenge: string } | { refused: "no-active-code" | "expired" } {
  if (!snapshot?.exists) return { refused: "no-active-code" };
  const doc = snapshot.data() as PasskeyChallengeDoc;
  if (now >= doc.expiresAt.toMillis()) return { refused: "expired" };
  return { challenge: doc.challenge };
}
