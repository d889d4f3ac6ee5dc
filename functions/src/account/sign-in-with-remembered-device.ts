import { callable } from "../callable.js";
import { getAuth } from "firebase-admin/auth";
import { rememberedDeviceInputSchema, type SessionUpgrade } from "@dash2fa/shared";
import { callContext } from "../context.js";
import { parseInput, refusal, transaction } from "../errors.js";

import { recordActivity } from "../security/activity.js";
import { deviceIsValid, type StoredDevice } from "../security/devices.js";
import { epochSeconds, mintSession } from "../security/session.js";
import { readUserSecurity, refs } from "../security/state.js";

/**
 * The second step skipped by a remembered browser. The session it grants has passed the
 * second step but carries no recent verification (`mfaAt` 0), so step-up still asks.
 */
export const signInWithRememberedDevice = callable(async (request) => {
  const ctx = callContext(request);
  const input = parseInput(rememberedDeviceInputSchema, request.data);
  const user = await getAuth().getUser(ctx.uid);
  const tokensValidAfter = Date.parse(user.tokensValidAfterTime ?? "") || 0;
  const ref = refs.device(ctx.uid, input.deviceId);

  const now = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    const snapshot = await tx.get(ref);
    const device = snapshot.data() as StoredDevice | undefined;
    // Whole seconds: the revocation time has no milliseconds.
    const valid =
      security.status.required &&
      device !== undefined &&
      deviceIsValid(device, input.token, now, Math.floor(tokensValidAfter / 1000) * 1000);
    if (!valid) throw refusal({ reason: "device-not-recognized" });
    tx.update(ref, { lastUsedAt: now });
    recordActivity(tx, ctx.uid, {
      type: "sign-in-verified",
      at: now,
      method: "device",
      browser: ctx.browser,
    });
    return now;
  });

  return {
    customToken: await mintSession(ctx.uid, {
      mfa: "device",
      mfaAt: 0,
      sessionAt: epochSeconds(now),
    }),
  } satisfies SessionUpgrade;
});
