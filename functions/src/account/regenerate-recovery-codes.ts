import { define } from "../callable.js";
import { type RegenerateRecoveryCodesResult } from "@dash2fa/shared";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { otpHmacSecret } from "../runtime.js";
import { recordActivity } from "../security/activity.js";
import { queueNotices } from "../security/notices.js";
import { authorizeChange } from "../security/policy.js";
import { newRecoveryCodes, recoveryCodesRef } from "../security/recovery-codes.js";
import { readUserSecurity, refs } from "../security/state.js";

/** A new set of recovery codes (step-up required); the old set stops working at once. */
export const regenerateRecoveryCodes = define(
  "regenerateRecoveryCodes",
  async (_input, request) => {
    const ctx = callContext(request);

    const codes = await transaction(async (tx) => {
      const now = Date.now();
      const security = await readUserSecurity(tx, ctx.uid);
      if (!security.status.required) throw refusal({ reason: "method-not-enabled" });
      authorizeChange("regenerate-recovery-codes", security, ctx);
      const recovery = newRecoveryCodes(otpHmacSecret.value(), ctx.uid, now);
      tx.set(recoveryCodesRef(ctx.uid), recovery.doc);
      tx.set(
        refs.status(ctx.uid),
        { recoveryCodesRemaining: recovery.codes.length },
        { merge: true },
      );
      recordActivity(tx, ctx.uid, {
        type: "recovery-codes-regenerated",
        at: now,
        browser: ctx.browser,
      });
      queueNotices(
        tx,
        ctx,
        security,
        "recovery-codes-regenerated",
        (words) => words.oldRecoveryCodesVoid,
      );
      return recovery.codes;
    });
    return { recoveryCodes: codes } satisfies RegenerateRecoveryCodesResult;
  },
);
