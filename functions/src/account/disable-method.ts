import { callable } from "../callable.js";
import { FieldValue } from "firebase-admin/firestore";
import {
  disableMethodInputSchema,
  enabledMethods,
  type DisableMethodResult,
} from "@dash2fa/shared";
import { callContext } from "../context.js";
import { parseInput, refusal, transaction } from "../errors.js";

import { recordActivity } from "../security/activity.js";
import { methodName, queueNotices } from "../security/notices.js";
import { recoveryCodesRef } from "../security/recovery-codes.js";
import { endOtherSessions, epochSeconds, mintSession } from "../security/session.js";
import {
  readUserSecurity,
  refs,
  requireRecentVerification,
  requireSecondStep,
} from "../security/state.js";

/**
 * Turns a method off (step-up required). Turning off the last one turns 2FA off and
 * retires the recovery codes. Like every 2FA change, it ends the user's other sessions.
 */
export const disableMethod = callable(async (request) => {
  const ctx = callContext(request);
  const { method } = parseInput(disableMethodInputSchema, request.data);

  const now = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    requireSecondStep(security, ctx);
    if (!security.status.methods[method]?.enabled) throw refusal({ reason: "method-not-enabled" });
    requireRecentVerification(ctx);

    const last = enabledMethods(security.status).length === 1;
    tx.update(refs.status(ctx.uid), {
      [`methods.${method}`]: FieldValue.delete(),
      required: !last,
      sessionsValidAfter: epochSeconds(now),
      ...(last ? { recoveryCodesRemaining: 0, lastUsedMethod: FieldValue.delete() } : {}),
    });
    tx.update(refs.destinations(ctx.uid), { [method]: FieldValue.delete() });
    if (last) tx.delete(recoveryCodesRef(ctx.uid));
    recordActivity(tx, ctx.uid, { type: "method-disabled", at: now, method, browser: ctx.browser });
    const removedAddress = method === "email" ? security.destinations.email : undefined;
    queueNotices(tx, ctx, security, "method-disabled", methodName(method), [removedAddress]);
    return now;
  });

  await endOtherSessions(ctx.uid);
  // The caller's own session stays, re-issued after the change; its last verification
  // time is kept so this change does not extend the step-up window.
  const customToken = await mintSession(ctx.uid, {
    mfa: ctx.claims.mfa ?? method,
    mfaAt: ctx.claims.mfaAt ?? 0,
    sessionAt: epochSeconds(now),
  });
  return { method, customToken } satisfies DisableMethodResult;
});
