import { define } from "../callable.js";
import { type RevokeDevicesResult } from "@dash2fa/shared";
import { callContext, type CallContext } from "../context.js";
import { transaction } from "../errors.js";

import { recordActivity } from "../security/activity.js";
import { authorizeChange } from "../security/policy.js";
import { endSessionsIn, recordSessionsEnded } from "../security/session.js";
import { readUserSecurity, refs } from "../security/state.js";

/**
 * Forgets remembered devices (all of them, or one); step-up required. The sessions each
 * one started (signing in with it, or remembered by it) end with it, but the caller's
 * own: forgetting this browser is not signing out of it.
 */
async function revoke(ctx: CallContext, deviceId: string | undefined): Promise<number> {
  return transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    authorizeChange("revoke-devices", security, ctx);
    const targets = deviceId
      ? [await tx.get(refs.device(ctx.uid, deviceId))].filter((snap) => snap.exists)
      : (await tx.get(refs.devices(ctx.uid))).docs;
    const ended = await endSessionsIn(tx, ctx.uid, now, {
      reason: "device-revoked",
      deviceIds: new Set(targets.map((snap) => snap.id)),
      ...(ctx.claims.sid ? { keep: ctx.claims.sid } : {}),
    });
    recordSessionsEnded(tx, ctx.uid, now, ended);
    for (const snap of targets) {
      tx.delete(snap.ref);
      recordActivity(tx, ctx.uid, {
        type: "device-revoked",
        at: now,
        browser: String(snap.get("browser") ?? ""),
      });
    }
    return targets.length;
  });
}

export const revokeDevice = define("revokeDevice", async ({ deviceId }, request) => {
  const ctx = callContext(request);
  return { revoked: await revoke(ctx, deviceId) } satisfies RevokeDevicesResult;
});

export const revokeAllDevices = define("revokeAllDevices", async (_input, request) => {
  const ctx = callContext(request);
  return { revoked: await revoke(ctx, undefined) } satisfies RevokeDevicesResult;
});
