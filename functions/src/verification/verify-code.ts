import { callable } from "../callable.js";
import type { Transaction } from "firebase-admin/firestore";
import {
  verifyCodeInputSchema,
  type VerificationPurpose,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import { callContext, type CallContext } from "../context.js";
import { parseInput, refusal, transaction } from "../errors.js";
import { otpHmacSecret } from "../runtime.js";
import { recordActivity } from "../security/activity.js";
import { rememberDevice as rememberDeviceOf } from "../security/remember-device.js";
import {
  afterCodeFailure,
  afterCodeSuccess,
  codeLockRefusal,
  guardRef,
  readGuard,
} from "../security/guard.js";
import { methodName, queueNotices } from "../security/notices.js";
import { newRecoveryCodes, recoveryCodesRef } from "../security/recovery-codes.js";
import { endOtherSessions, epochSeconds, mintSession } from "../security/session.js";
import { readUserSecurity, refs, requireSecondStep, type UserSecurity } from "../security/state.js";
import { attemptsLeft, challengeId, decideAttempt, type ChallengeState } from "./challenge.js";
import { codeMatches } from "./code.js";
import { maskDestination } from "./destination.js";
import { challengeRef, readChallenge } from "./store.js";

type Result = Omit<VerifyCodeResult, "customToken">;
interface Handled {
  result: Result;
  /** A 2FA change: every other session of the user must end. */
  endsOtherSessions: boolean;
}
interface HandlerArgs {
  tx: Transaction;
  ctx: CallContext;
  security: UserSecurity;
  challenge: ChallengeState;
  now: number;
  rememberDevice: boolean;
}

/** Turns the method on (or moves it to the new destination); the first one brings recovery codes. */
function enroll({ tx, ctx, security, challenge, now }: HandlerArgs): Handled {
  requireSecondStep(security, ctx);
  const { uid, method, destination } = challenge;
  const maskedDestination = maskDestination(method, destination);
  const wasEnabled = security.status.methods[method]?.enabled === true;
  const first = !security.status.required;
  const recovery = first ? newRecoveryCodes(otpHmacSecret.value(), uid, now) : undefined;

  tx.set(
    refs.status(uid),
    {
      methods: { [method]: { enabled: true, maskedDestination, enabledAt: now } },
      required: true,
      sessionsValidAfter: epochSeconds(now),
      lastUsedMethod: method,
      ...(recovery ? { recoveryCodesRemaining: recovery.codes.length } : {}),
    },
    { merge: true },
  );
  tx.set(refs.destinations(uid), { [method]: destination }, { merge: true });
  if (recovery) tx.set(recoveryCodesRef(uid), recovery.doc);

  const type = wasEnabled ? "destination-changed" : "method-enabled";
  recordActivity(tx, uid, { type, at: now, method, browser: ctx.browser });
  const previous = method === "email" ? security.destinations.email : undefined;
  const newAddress = method === "email" ? destination : undefined;
  queueNotices(tx, ctx, security, type, methodName(method), [previous, newAddress]);

  return {
    result: {
      purpose: "enroll",
      method,
      maskedDestination,
      ...(recovery ? { recoveryCodes: recovery.codes } : {}),
    },
    endsOtherSessions: true,
  };
}

/** The second step of a sign-in; optionally remembers this browser for 30 days. */
function signIn({ tx, ctx, security, challenge, now, rememberDevice }: HandlerArgs): Handled {
  const { uid, method, destination } = challenge;
  if (security.status.methods[method]?.enabled !== true) {
    throw refusal({ reason: "method-not-enabled" });
  }
  tx.set(refs.status(uid), { lastUsedMethod: method }, { merge: true });
  recordActivity(tx, uid, { type: "sign-in-verified", at: now, method, browser: ctx.browser });
  const rememberedDevice = rememberDevice ? rememberDeviceOf(tx, ctx, now) : undefined;
  return {
    result: {
      purpose: "sign-in",
      method,
      maskedDestination: maskDestination(method, destination),
      ...(rememberedDevice ? { rememberedDevice } : {}),
    },
    endsOtherSessions: false,
  };
}

/** A fresh verification before a sensitive change: only the new session claims. */
function stepUp({ ctx, security, challenge }: HandlerArgs): Handled {
  requireSecondStep(security, ctx);
  const { method, destination } = challenge;
  return {
    result: { purpose: "step-up", method, maskedDestination: maskDestination(method, destination) },
    endsOtherSessions: false,
  };
}

const handlers: Record<VerificationPurpose, (args: HandlerArgs) => Handled> = {
  enroll,
  "sign-in": signIn,
  "step-up": stepUp,
};

/**
 * The single entry point that checks a code, for every purpose. The code is compared in
 * constant time and consumed in the same transaction that acts on it, so a code verifies
 * at most once however many requests race for it. Every wrong code also counts towards
 * the user's lockout. Success upgrades the caller's session with a custom token.
 */
export const verifyCode = callable(async (request) => {
  const ctx = callContext(request);
  const input = parseInput(verifyCodeInputSchema, request.data);
  const ref = challengeRef(challengeId(ctx.uid, input.purpose, input.method));

  const outcome = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    const [challengeSnap, guardSnap] = await tx.getAll(ref, guardRef(ctx.uid));
    const guard = readGuard(guardSnap?.data());
    const locked = codeLockRefusal(guard, now);
    if (locked) throw refusal(locked);
    const decision = decideAttempt(challengeSnap ? readChallenge(challengeSnap) : undefined, now);
    if (decision.outcome === "refused") throw refusal(decision.details);
    const { challenge } = decision;

    if (!codeMatches(otpHmacSecret.value(), challenge, input.code, challenge.codeHash)) {
      const failedAttempts = challenge.failedAttempts + 1;
      tx.update(ref, { failedAttempts });
      const failure = afterCodeFailure(guard, now);
      tx.set(guardRef(ctx.uid), failure.guard);
      const event = { at: now, method: challenge.method, browser: ctx.browser };
      recordActivity(tx, ctx.uid, { type: "verification-failed", ...event });
      if (failure.lockStarted) {
        recordActivity(tx, ctx.uid, { type: "locked-out", ...event });
        const hard = failure.lockStarted === "hard";
        queueNotices(tx, ctx, security, "locked-out", (words) =>
          hard ? words.lockedUntilRecovery : words.lockedForAWhile,
        );
      }
      return { ok: false as const, attemptsLeft: attemptsLeft(failedAttempts) };
    }

    tx.delete(ref);
    tx.set(guardRef(ctx.uid), afterCodeSuccess(guard));
    const handled = handlers[challenge.purpose]({
      tx,
      ctx,
      security,
      challenge,
      now,
      rememberDevice: input.rememberDevice === true,
    });
    return { ok: true as const, now, ...handled };
  });

  if (!outcome.ok) throw refusal({ reason: "wrong-code", attemptsLeft: outcome.attemptsLeft });
  if (outcome.endsOtherSessions) await endOtherSessions(ctx.uid);
  const at = epochSeconds(outcome.now);
  const customToken = await mintSession(ctx.uid, {
    mfa: outcome.result.method,
    mfaAt: at,
    sessionAt: at,
  });
  return { ...outcome.result, customToken } satisfies VerifyCodeResult;
});
