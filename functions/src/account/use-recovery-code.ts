import type { UseRecoveryCodeResult } from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { recoveryCode } from "../verification/factors/recovery-code.js";
import { runVerification } from "../verification/pipeline.js";

/**
 * Signs in (or steps up) with a single-use recovery code instead of a method, through
 * the same pipeline and outcome as every factor (`factors/recovery-code.ts`).
 */
export const useRecoveryCode = define("useRecoveryCode", async (input, request) => {
  const ctx = callContext(request);
  const { purpose, rememberDevice } = input;
  const verified = await runVerification(ctx, recoveryCode, { input, purpose, rememberDevice });
  return {
    customToken: verified.customToken,
    recoveryCodesRemaining: verified.extra.recoveryCodesRemaining,
    ...(verified.rememberedDevice ? { rememberedDevice: verified.rememberedDevice } : {}),
  } satisfies UseRecoveryCodeResult;
});
