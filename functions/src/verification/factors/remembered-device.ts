import { deviceStillCounts, sendLimits } from "@dash2fa/shared";
import type { ParsedInput } from "@dash2fa/shared/contract";
import { refusal } from "../../errors.js";
import { deviceIsValid, type StoredDevice } from "../../security/devices.js";
import {
  checkWindow,
  deviceSignInLimitRef,
  readSends,
  recordSend,
} from "../../security/rate-limit.js";
import { refs } from "../../security/state.js";
import { wrong, type Factor } from "../pipeline.js";

type Input = ParsedInput<"signInWithRememberedDevice">;

/**
 * A browser remembered for 30 days skips the sign-in's second step. The session it
 * grants carries no recent verification (`mfaAt` 0), so step-up still asks. Attempts,
 * right or wrong, count per user against their own limit; a wrong token is not logged.
 *
 * Exact against a 2FA change racing it: the device's generation is compared with the
 * status's `sessionsValidAfter`, read in the same transaction that every change writes
 * it in, and the new session is stamped from that same read. A password change revokes
 * the user's tokens (`tokensValidAfter`, epoch milliseconds, read before the transaction)
 * and so every device remembered before it.
 */
export const rememberedDevice = (tokensValidAfter: number): Factor<Input> => ({
  means: () => "device",
  purposes: ["sign-in"],
  failures: "limited",
  proofRefs: (ctx, input) => [refs.device(ctx.uid, input.deviceId), deviceSignInLimitRef(ctx.uid)],
  check({ tx, ctx, security, input, snapshots, now }) {
    const [snapshot, limitSnap] = snapshots;
    const attempts = readSends(limitSnap);
    const retryAt = checkWindow(attempts, now, sendLimits.deviceSignIns);
    if (retryAt !== undefined) throw refusal({ reason: "rate-limited", limit: "user", retryAt });
    const countAttempt = () => tx.set(deviceSignInLimitRef(ctx.uid), recordSend(attempts, now));

    const device = snapshot?.data() as StoredDevice | undefined;
    // Whole seconds for the password's revocation time, which has no milliseconds.
    const valid =
      security.status.required &&
      device !== undefined &&
      deviceStillCounts(device, security.status) &&
      deviceIsValid(device, input.token, now, Math.floor(tokensValidAfter / 1000) * 1000);
    if (!valid) return { ...wrong({ reason: "device-not-recognized" }), spend: countAttempt };
    return {
      ok: true,
      subject: { uid: ctx.uid, means: "device", destination: "", deviceId: input.deviceId },
      spend: () => {
        countAttempt();
        tx.update(refs.device(ctx.uid, input.deviceId), { lastUsedAt: now });
      },
      extra: undefined,
    };
  },
});
