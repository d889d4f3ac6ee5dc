import { getAuth } from "firebase-admin/auth";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { rememberedDevice } from "../verification/factors/remembered-device.js";
import { runVerification } from "../verification/pipeline.js";

/**
 * The second step skipped by a remembered browser (`factors/remembered-device.ts`),
 * through the verification pipeline like every other factor.
 */
export const signInWithRememberedDevice = define(
  "signInWithRememberedDevice",
  async (input, request) => {
    const ctx = callContext(request);
    // A password change revokes the user's tokens, and with them every remembered device.
    const user = await getAuth().getUser(ctx.uid);
    const tokensValidAfter = Date.parse(user.tokensValidAfterTime ?? "") || 0;
    const verified = await runVerification(ctx, rememberedDevice(tokensValidAfter), {
      input,
      purpose: "sign-in",
    });
    return { customToken: verified.customToken };
  },
);
