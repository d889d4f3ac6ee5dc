import { define } from "../callable.js";
import { enabledMethods, type DisableMethodResult } from "@dash2fa/shared";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";

import { turnOffMethod } from "../security/turn-off.js";
import { authorizeChange, claimsAfterChange, sessionIdOf } from "../security/policy.js";
import { keepSessionThroughChange } from "../security/session.js";
import { readUserSecurity, refs, requireSecondStep } from "../security/state.js";

/**
 * Turns a method off (step-up required). Turning off the last one turns 2FA off and
 * retires the recovery codes. Like every 2FA change, it ends the user's other sessions.
 */
export const disableMethod = define("disableMethod", async ({ method }, request) => {
  const ctx = callContext(request);

  const { validAfter, remainingMethods } = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    const keys = method === "passkey" ? (await tx.get(refs.passkeys(ctx.uid))).docs : [];
    requireSecondStep(security, ctx);
    if (!security.status.methods[method]?.enabled) throw refusal({ reason: "method-not-enabled" });
    authorizeChange("remove-factor", security, ctx);
    const validAfter = turnOffMethod(
      tx,
      ctx,
      security,
      method,
      now,
      keys.map((snap) => snap.ref),
    );
    // What still protects the account, read in the same transaction that changed it.
    const remainingMethods = enabledMethods(security.status).filter((other) => other !== method);
    return { validAfter, remainingMethods };
  });

  // The caller's own session stays, re-issued after the change (`claimsAfterChange`).
  const customToken = await keepSessionThroughChange(
    ctx.uid,
    claimsAfterChange(ctx, method, validAfter, sessionIdOf(ctx)),
  );
  return { method, remainingMethods, customToken } satisfies DisableMethodResult;
});
