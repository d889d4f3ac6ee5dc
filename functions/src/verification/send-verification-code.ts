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
  destinationSendsRef,
  readSends,
  recordSend,
  userSendsRef,
} from "../security/rate-limit.js";
import { readUserSecurityWith } from "../security/state.js";
import { attemptsLeft, challengeId, codeTimes, decideSend } from "./challenge.js";
import { generateCode, generateNonce, hashCode } from "./code.js";
import { maskDestination, resolveDestination } from "./destination.js";
import { challengeRef, readChallenge, toChallengeDoc } from "./store.js";

/**
 * Creates (or replaces) the user's challenge for a purpose and method, and queues the
 * message that carries the code. Every check (who may ask, lockout, cooldown, send
 * limits) and every write (challenge, counters, message) is one transaction: racing
 * requests cannot send more than the limits allow.
 *
 * The per-IP counter stays outside the transaction (`security/rate-limit.ts`) but costs
 * no round trip of its own: it is read while the transaction reads the rest, and counted
 * while the transaction commits.
 */
export const sendVerificationCode = define("sendVerificationCode", async (input, request) => {
  const ctx = callContext(request);
  const ref = challengeRef(challengeId(ctx.uid, input.purpose, input.method));
  const ipRead = checkIpLimit(ctx.ip, ctx.now);
  // Awaited in the transaction; a transaction that fails before must not leave it unheard.
  ipRead.catch(() => undefined);
  let ipCounted: Promise<void> | undefined;

  try {
    const sent = await transaction(async (tx) => {
      const now = Date.now();
      // Only an enrolment, to a destination not yet proven to be the caller's, counts
      // against the cap shared by every account (`SendCounters.destination`); its
      // destination is the one asked for (`resolveDestination`).
      const shared = input.purpose === "enroll" ? { to: input.destination } : undefined;
      const destinationSends = shared && destinationSendsRef(input.method, shared.to);
      const [
        {
          security,
          snapshots: [challengeSnap, guardSnap, userSnap, destinationSnap],
        },
        ip,
      ] = await Promise.all([
        readUserSecurityWith(tx, ctx.uid, [
          ref,
          guardRef(ctx.uid),
          userSendsRef(ctx.uid),
          ...(destinationSends ? [destinationSends] : []),
        ]),
        ipRead,
      ]);
      if (ip.refusal) throw refusal(ip.refusal);
      if (!challengeSnap || !guardSnap) throw new Error("getAll returned too few documents");
      const destination = resolveDestination(input, security, ctx);
      if (shared && destination !== shared.to) throw new Error("enrolment destination moved");

      const locked = codeLockRefusal(readGuard(guardSnap.data()), now);
      if (locked) throw refusal(locked);
      const decision = decideSend(readChallenge(challengeSnap), now, destination);
      if (!decision.allowed) throw refusal(decision.details);
      const counters = {
        user: readSends(userSnap),
        ...(destinationSends ? { destination: readSends(destinationSnap) } : {}),
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
      tx.set(userSendsRef(ctx.uid), recordSend(counters.user, now));
      if (destinationSends && counters.destination) {
        tx.set(destinationSends, recordSend(counters.destination, now));
      }
      // Every check passed: the send is counted for its address while the commit runs
      // (once, however often contention runs this again). A commit that then fails
      // leaves the address one send stricter, never looser.
      ipCounted ??= countIpSend(ip);
      return { destination, failedAttempts: decision.failedAttempts, ...times };
    });
    await ipCounted;
    return {
      purpose: input.purpose,
      method: input.method,
      maskedDestination: maskDestination(input.method, sent.destination),
      expiresAt: sent.expiresAt,
      resendAvailableAt: sent.resendAvailableAt,
      attemptsLeft: attemptsLeft(sent.failedAttempts),
    } satisfies SendVerificationCodeResult;
  } finally {
    await ipCounted?.catch(() => undefined);
  }
});
