import type { ParsedInput } from "@dash2fa/shared/contract";
import { refusal } from "../../errors.js";
import { otpHmacSecret } from "../../runtime.js";
import { recordActivity } from "../../security/activity.js";
import { afterRecoveryFailure, recoveryAttemptsLeft } from "../../security/guard.js";
import { queueNotices } from "../../security/notices.js";
import {
  findUnusedCode,
  hashRecoveryCode,
  recoveryCodesRef,
  remainingCodes,
  type RecoveryCodesDoc,
} from "../../security/recovery-codes.js";
import { wrong, type Factor } from "../pipeline.js";

type Input = ParsedInput<"useRecoveryCode">;

/**
 * A single-use recovery code, for a sign-in or a step-up, instead of a method. It is
 * also the way out of the lockout: a right one clears every failure count (the
 * pipeline's guard reset for `recovery-codes`). Wrong ones have their own counter and
 * lock. It comes with the first method and goes with the last (security/turn-off.ts).
 */
export const recoveryCode: Factor<Input, { recoveryCodesRemaining: number }> = {
  means: () => "recovery-code",
  purposes: ["sign-in", "step-up"],
  failures: "recovery-codes",
  notifies: true,
  proofRefs: (ctx) => [recoveryCodesRef(ctx.uid)],
  check({ tx, ctx, security, guard, input, snapshots: [codesSnap], now }) {
    if (!security.status.required || !codesSnap?.exists) {
      throw refusal({ reason: "method-not-enabled" });
    }
    const codes = codesSnap.data() as RecoveryCodesDoc;
    const index = findUnusedCode(
      codes,
      hashRecoveryCode(otpHmacSecret.value(), ctx.uid, input.code),
    );
    if (index === -1) {
      const next = afterRecoveryFailure(guard, now);
      return wrong({
        reason: "wrong-recovery-code",
        attemptsLeft: recoveryAttemptsLeft(next),
        ...(next.recoveryLockedUntil ? { retryAt: next.recoveryLockedUntil } : {}),
      });
    }

    const used = {
      ...codes,
      codes: codes.codes.map((c, i) => (i === index ? { ...c, usedAt: now } : c)),
    };
    const remaining = remainingCodes(used);
    return {
      ok: true,
      subject: {
        uid: ctx.uid,
        means: "recovery-code",
        destination: "",
        status: { recoveryCodesRemaining: remaining },
      },
      spend: () => {
        tx.set(recoveryCodesRef(ctx.uid), used);
        recordActivity(tx, ctx.uid, {
          type: "recovery-code-used",
          at: now,
          method: "recovery-code",
          browser: ctx.browser,
        });
        queueNotices(tx, ctx, security, "recovery-code-used", (words) =>
          words.recoveryCodesLeft(remaining),
        );
      },
      extra: { recoveryCodesRemaining: remaining },
    };
  },
};
