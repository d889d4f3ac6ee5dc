import { define } from "../callable.js";
import type { SendVerificationCodeResult } from "@dash2fa/shared";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { verificationEmail } from "../outbound/email.js";
import { queueMail, queueSms } from "../outbound/queue.js";
import { verificationSms } from "../outbound/sms.js";
import { otpHmacSecret, webHost } from "../runtime.js";
import { codeLockRefusal, guardRef, readGuard } from "../security/guard.js";
import {
  checkIpLimit,
  countIpSend,
  decideRateLimit,
  rateLimitRefs,
  readSends,
  recordSend,
} from "../security/rate-limit.js";
import { readUserSecurity } from "../security/state.js";
import { attemptsLeft, challengeId, codeTimes, decideSend } from "./challenge.js";
import { generateCode, generateNonce, hashCode } from "./code.js";
import { maskDestination, resolveDestination } from "./destination.js";
import { challengeRef, readChallenge, toChallengeDoc } from "./store.js";

/**
 * Creates (or replaces) the user's challenge for a purpose and method, and queues the
 * message that carries the code. Every check (who may ask, lockout, cooldown, send
 * limits) and every write (challenge, counters, message) is one transaction: racing
 * requests cannot send more than the limits allow.
 */
export const sendVerificationCode = define("sendVerificationCode", async (input, request) => {
  const ctx = callContext(request);
  const ref = challengeRef(challengeId(ctx.uid, input.purpose, input.method));
  const ipLimited = await checkIpLimit(ctx.ip, ctx.now);
  if (ipLimited) throw refusal(ipLimited);

  const sent = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    const destination = resolveDestination(input, security, ctx);
    const limits = rateLimitRefs(ctx.uid, input.method, destination);
    // Only an enrolment, to a destination not yet proven to be the caller's, counts
    // against the cap shared by every account (`SendCounters.destination`).
    const shared = input.purpose === "enroll";
    const [challengeSnap, guardSnap, userSends, destinationSends] = await tx.getAll(
      ref,
      guardRef(ctx.uid),
      limits.user,
      ...(shared ? [limits.destination] : []),
    );
    if (!challengeSnap || !guardSnap) throw new Error("getAll returned too few documents");

    const locked = codeLockRefusal(readGuard(guardSnap.data()), now);
    if (locked) throw refusal(locked);
    const decision = decideSend(readChallenge(challengeSnap), now, destination);
    if (!decision.allowed) throw refusal(decision.details);
    const counters = {
      user: readSends(userSends),
      ...(shared ? { destination: readSends(destinationSends) } : {}),
    };
    const limited = decideRateLimit(counters, now);
    if (limited) throw refusal(limited);

    const code = generateCode();
    const binding = {
      uid: ctx.uid,
      purpose: input.purpose,
      method: input.method,
      destination,
      nonce: generateNonce(),
    };
    const times = codeTimes(now);
    const carried = {
      uid: ctx.uid,
      purpose: input.purpose,
      method: input.method,
      expiresAt: times.expiresAt,
    };
    const outboundId =
      input.method === "email"
        ? queueMail(tx, verificationEmail(destination, code, security.locale), now, carried)
        : queueSms(
            tx,
            verificationSms(destination, code, webHost.value(), security.locale),
            now,
            carried,
          );
    tx.set(
      ref,
      toChallengeDoc({
        ...binding,
        codeHash: hashCode(otpHmacSecret.value(), binding, code),
        sentAt: times.sentAt,
        expiresAt: times.expiresAt,
        failedAttempts: decision.failedAttempts,
        sendCount: decision.sendCount,
        outboundId,
      }),
    );
    tx.set(limits.user, recordSend(counters.user, now));
    if (counters.destination) tx.set(limits.destination, recordSend(counters.destination, now));
    return { destination, failedAttempts: decision.failedAttempts, ...times };
  });
  await countIpSend(ctx.ip, sent.sentAt);

  return {
    purpose: input.purpose,
    method: input.method,
    maskedDestination: maskDestination(input.method, sent.destination),
    expiresAt: sent.expiresAt,
    resendAvailableAt: sent.resendAvailableAt,
    attemptsLeft: attemptsLeft(sent.failedAttempts),
  } satisfies SendVerificationCodeResult;
});
