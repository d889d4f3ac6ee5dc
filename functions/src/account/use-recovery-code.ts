import { define } from "../callable.js";
import { type UseRecoveryCodeResult } from "@dash2fa/shared";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { otpHmacSecret } from "../runtime.js";
import { recordActivity } from "../security/activity.js";
import { rememberDevice } from "../security/remember-device.js";
import {
  afterRecoveryFailure,
  afterRecoverySuccess,
  guardRef,
  readGuard,
  recoveryAttemptsLeft,
  recoveryLockRefusal,
} from "../security/guard.js";
import { queueNotices } from "../security/notices.js";
import {
  findUnusedCode,
  hashRecoveryCode,
  recoveryCodesRef,
  remainingCodes,
  type RecoveryCodesDoc,
} from "../security/recovery-codes.js";
import { sessionIdOf } from "../security/policy.js";
import { epochSeconds, mintSession, sessionAtFor, startSession } from "../security/session.js";
import { readUserSecurity, refs, requireSecondStep } from "../security/state.js";

/**
 * Signs in (or steps up) with a single-use recovery code instead of a sent code. A
 * recovery code is also the way out of the hard lockout: it clears every failure count.
 * Wrong recovery codes have their own counter and lock.
 */
export const useRecoveryCode = define("useRecoveryCode", async (input, request) => {
  const ctx = callContext(request);
  const hash = hashRecoveryCode(otpHmacSecret.value(), ctx.uid, input.code);

  const outcome = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    if (input.purpose === "step-up") requireSecondStep(security, ctx);
    const [codesSnap, guardSnap] = await tx.getAll(recoveryCodesRef(ctx.uid), guardRef(ctx.uid));
    const guard = readGuard(guardSnap?.data());
    const locked = recoveryLockRefusal(guard, now);
    if (locked) throw refusal(locked);
    if (!security.status.required || !codesSnap?.exists) {
      throw refusal({ reason: "method-not-enabled" });
    }
    const codes = codesSnap.data() as RecoveryCodesDoc;
    const index = findUnusedCode(codes, hash);
    if (index === -1) {
      const next = afterRecoveryFailure(guard, now);
      tx.set(guardRef(ctx.uid), next);
      recordActivity(tx, ctx.uid, {
        type: "verification-failed",
        at: now,
        method: "recovery-code",
        browser: ctx.browser,
      });
      return {
        ok: false as const,
        attemptsLeft: recoveryAttemptsLeft(next),
        retryAt: next.recoveryLockedUntil,
      };
    }

    const used = {
      ...codes,
      codes: codes.codes.map((c, i) => (i === index ? { ...c, usedAt: now } : c)),
    };
    const remaining = remainingCodes(used);
    tx.set(recoveryCodesRef(ctx.uid), used);
    tx.set(guardRef(ctx.uid), afterRecoverySuccess());
    tx.set(
      refs.status(ctx.uid),
      {
        recoveryCodesRemaining: remaining,
        // A recovery code is a second step other than email: a reset's bar is lifted.
        ...(input.purpose === "sign-in" ? { emailBarredAfterReset: false } : {}),
      },
      { merge: true },
    );
    recordActivity(tx, ctx.uid, {
      type: "recovery-code-used",
      at: now,
      method: "recovery-code",
      browser: ctx.browser,
    });
    queueNotices(tx, ctx, security, "recovery-code-used", (words) =>
      words.recoveryCodesLeft(remaining),
    );
    const sessionAt = sessionAtFor(now, security.status);
    const signIn = input.purpose === "sign-in";
    const rememberedDevice =
      signIn && input.rememberDevice ? rememberDevice(tx, ctx, now, sessionAt) : undefined;
    const sessionId = signIn
      ? startSession(tx, ctx, now, {
          how: "recovery-code",
          sessionAt,
          ...(rememberedDevice ? { deviceId: rememberedDevice.deviceId } : {}),
        })
      : sessionIdOf(ctx);
    return { ok: true as const, now, remaining, rememberedDevice, sessionAt, sessionId };
  });

  if (!outcome.ok) {
    throw refusal({
      reason: "wrong-recovery-code",
      attemptsLeft: outcome.attemptsLeft,
      ...(outcome.retryAt ? { retryAt: outcome.retryAt } : {}),
    });
  }
  return {
    customToken: await mintSession(ctx.uid, {
      mfa: "recovery-code",
      mfaAt: epochSeconds(outcome.now),
      sessionAt: outcome.sessionAt,
      sid: outcome.sessionId,
    }),
    recoveryCodesRemaining: outcome.remaining,
    ...(outcome.rememberedDevice ? { rememberedDevice: outcome.rememberedDevice } : {}),
  } satisfies UseRecoveryCodeResult;
});
