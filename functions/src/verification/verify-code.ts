import type { VerifyCodeResult } from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { appCode, type AppCodeInput } from "./factors/app-code.js";
import { sentCode, type SentCodeInput } from "./factors/sent-code.js";
import { runVerification } from "./pipeline.js";

/**
 * The single entry point that checks a typed code, for every purpose and code method:
 * a sent code (`factors/sent-code.ts`) or an authenticator app code
 * (`factors/app-code.ts`), through the verification pipeline. Success upgrades the
 * caller's session with a custom token.
 */
export const verifyCode = define("verifyCode", async (input, request) => {
  const ctx = callContext(request);
  const { purpose, rememberDevice } = input;
  const verified =
    input.method === "totp"
      ? await runVerification(ctx, appCode, {
          input: input as AppCodeInput,
          purpose,
          rememberDevice,
        })
      : await runVerification(ctx, sentCode, {
          input: input as SentCodeInput,
          purpose,
          rememberDevice,
        });
  const { extra: _, ...result } = verified;
  return { ...result, method: input.method } satisfies VerifyCodeResult;
});
