import { FieldValue, type Transaction } from "firebase-admin/firestore";
import { onCall } from "firebase-functions/v2/https";
import {
  collections,
  maskEmail,
  verifyCodeInputSchema,
  type TwoFactorStatusDoc,
  type VerificationPurpose,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import { db } from "../admin.js";
import { callableOptions, otpHmacSecret } from "../runtime.js";
import { parseInput, refusal, requireUid } from "../errors.js";
import { attemptsLeft, challengeId, decideAttempt, type ChallengeState } from "./challenge.js";
import { codeMatches } from "./code.js";
import { challengeRef, readChallenge } from "./store.js";

type PurposeHandler = (tx: Transaction, challenge: ChallengeState, now: number) => VerifyCodeResult;

/** Turns on the verified method; the full destination stays in a server-only document. */
const enroll: PurposeHandler = (tx, challenge, now) => {
  const maskedDestination = maskEmail(challenge.destination);
  const status: TwoFactorStatusDoc = {
    methods: { [challenge.method]: { enabled: true, maskedDestination, enabledAt: now } },
  };
  tx.set(db.collection(collections.twoFactor).doc(challenge.uid), status, { merge: true });
  tx.set(
    db.collection(collections.twoFactorDestinations).doc(challenge.uid),
    { [challenge.method]: challenge.destination, updatedAt: FieldValue.serverTimestamp() },
    { merge: true },
  );
  return { purpose: challenge.purpose, method: challenge.method, enabled: true, maskedDestination };
};

const handlers: Record<VerificationPurpose, PurposeHandler> = { enroll };

/**
 * The single entry point that checks a code, for every purpose. The code is compared in
 * constant time and consumed in the same transaction that acts on it, so a code verifies
 * at most once however many requests race for it.
 */
export const verifyCode = onCall(callableOptions, async (request) => {
  const uid = requireUid(request.auth);
  const input = parseInput(verifyCodeInputSchema, request.data);
  const ref = challengeRef(challengeId(uid, input.purpose, input.method));

  const outcome = await db.runTransaction(async (tx) => {
    const now = Date.now();
    const decision = decideAttempt(readChallenge(await tx.get(ref)), now);
    if (decision.outcome === "refused") return { ok: false as const, details: decision.details };
    const { challenge } = decision;
    if (!codeMatches(otpHmacSecret.value(), challenge, input.code, challenge.codeHash)) {
      const failedAttempts = challenge.failedAttempts + 1;
      tx.update(ref, { failedAttempts });
      return {
        ok: false as const,
        details: { reason: "wrong-code" as const, attemptsLeft: attemptsLeft(failedAttempts) },
      };
    }
    tx.delete(ref);
    return { ok: true as const, result: handlers[challenge.purpose](tx, challenge, now) };
  });

  if (!outcome.ok) throw refusal(outcome.details);
  return outcome.result;
});
