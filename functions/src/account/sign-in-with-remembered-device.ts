import { getAuth } from "firebase-admin/auth";
import { sendLimits, type SessionUpgrade } from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { recordActivity } from "../security/activity.js";
import { deviceIsValid, type StoredDevice } from "../security/devices.js";
import {
  checkWindow,
  deviceSignInLimitRef,
  readSends,
  recordSend,
} from "../security/rate-limit.js";
import { epochSeconds, mintSession, sessionAtFor, startSession } from "../security/session.js";
import { readUserSecurity, refs } from "../security/state.js";

/**
 * The second step skipped by a remembered browser. The session it grants has passed the
 * second step but carries no recent verification (`mfaAt` 0), so step-up still asks.
 *
 * Exact against a 2FA change racing it: the device's generation is compared with the
 * status's `sessionsValidAfter`, read in the same transaction that every change writes
 * it in, and the new session is stamped from that same read (`sessionAtFor`). A sign-in
 * ordered before a change gets a session the change invalidates; one ordered after it
 * finds the device remembered before the change. Attempts, right or wrong, count per user.
 */
export const signInWithRememberedDevice = define(
  "signInWithRememberedDevice",
  async (input, request) => {
    const ctx = callContext(request);
    // A password change revokes the user's tokens; 2FA changes are checked in the transaction.
    const user = await getAuth().getUser(ctx.uid);
    const tokensValidAfter = Date.parse(user.tokensValidAfterTime ?? "") || 0;
    const ref = refs.device(ctx.uid, input.deviceId);
    const limitRef = deviceSignInLimitRef(ctx.uid);

    const outcome = await transaction(async (tx) => {
      const now = Date.now();
      const security = await readUserSecurity(tx, ctx.uid);
      const [snapshot, limitSnap] = await tx.getAll(ref, limitRef);
      const attempts = readSends(limitSnap);
      const retryAt = checkWindow(attempts, now, sendLimits.deviceSignIns);
      if (retryAt !== undefined) throw refusal({ reason: "rate-limited", limit: "user", retryAt });
      tx.set(limitRef, recordSend(attempts, now));

      const device = snapshot?.data() as StoredDevice | undefined;
      // The device's generation against the last 2FA change (`StoredDevice.sessionAt`);
      // whole seconds for the password's revocation time, which has no milliseconds.
      const valid =
        security.status.required &&
        device !== undefined &&
        (device.sessionAt ?? epochSeconds(device.createdAt)) >=
          security.status.sessionsValidAfter &&
        deviceIsValid(device, input.token, now, Math.floor(tokensValidAfter / 1000) * 1000);
      if (!valid) return { ok: false as const };
      tx.update(ref, { lastUsedAt: now });
      recordActivity(tx, ctx.uid, {
        type: "sign-in-verified",
        at: now,
        method: "device",
        browser: ctx.browser,
      });
      const sessionAt = sessionAtFor(now, security.status);
      const sessionId = startSession(tx, ctx, now, {
        how: "device",
        sessionAt,
        deviceId: input.deviceId,
      });
      return { ok: true as const, sessionAt, sessionId };
    });

    if (!outcome.ok) throw refusal({ reason: "device-not-recognized" });
    return {
      customToken: await mintSession(ctx.uid, {
        mfa: "device",
        mfaAt: 0,
        sessionAt: outcome.sessionAt,
        sid: outcome.sessionId,
      }),
    } satisfies SessionUpgrade;
  },
);
