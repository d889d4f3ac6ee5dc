import { onCall } from "firebase-functions/v2/https";
import {
  collections,
  maskEmail,
  sendVerificationCodeInputSchema,
  type SendVerificationCodeResult,
} from "@dash2fa/shared";
import { db } from "../admin.js";
import { callableOptions, otpHmacSecret } from "../runtime.js";
import { parseInput, refusal, requireUid } from "../errors.js";
import { verificationEmail } from "../mail/verification-email.js";
import { attemptsLeft, challengeId, codeTimes, decideSend } from "./challenge.js";
import { generateCode, generateNonce, hashCode } from "./code.js";
import { challengeRef, readChallenge, toChallengeDoc } from "./store.js";

/**
 * Creates (or replaces) the user's challenge for a purpose and method, and queues the
 * message that carries the code. The cooldown check, the challenge and the outbound
 * message are one transaction: two racing requests cannot both send.
 */
export const sendVerificationCode = onCall(callableOptions, async (request) => {
  const uid = requireUid(request.auth);
  const input = parseInput(sendVerificationCodeInputSchema, request.data);
  const ref = challengeRef(challengeId(uid, input.purpose, input.method));
  const mailRef = db.collection(collections.mail).doc();

  const result = await db.runTransaction(async (tx) => {
    const now = Date.now();
    const decision = decideSend(readChallenge(await tx.get(ref)), now);
    if (!decision.allowed) return decision;

    const code = generateCode();
    const binding = { uid, ...input, nonce: generateNonce() };
    const times = codeTimes(now);
    tx.set(
      ref,
      toChallengeDoc({
        ...binding,
        codeHash: hashCode(otpHmacSecret.value(), binding, code),
        sentAt: times.sentAt,
        expiresAt: times.expiresAt,
        failedAttempts: decision.failedAttempts,
        sendCount: decision.sendCount,
      }),
    );
    tx.create(mailRef, verificationEmail(input.destination, code));
    return { ...decision, ...times };
  });

  if (!result.allowed) throw refusal(result.details);
  return {
    purpose: input.purpose,
    method: input.method,
    maskedDestination: maskEmail(input.destination),
    expiresAt: result.expiresAt,
    resendAvailableAt: result.resendAvailableAt,
    attemptsLeft: attemptsLeft(result.failedAttempts),
  } satisfies SendVerificationCodeResult;
});
