import { type SetPreferredMethodResult } from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { authorizeChange } from "../security/policy.js";
import { readUserSecurity, refs } from "../security/state.js";

/**
 * Records which enabled method sign-in asks for first. It only reorders what the account
 * already accepts, so it is a preference (`manage`): the second step is required, a fresh
 * verification is not. The method must be on at the moment of the write, checked in the
 * same transaction, so a method turned off concurrently never becomes the preference.
 */
export const setPreferredMethod = define("setPreferredMethod", async ({ method }, request) => {
  const ctx = callContext(request);
  await transaction(async (tx) => {
    const security = await readUserSecurity(tx, ctx.uid);
    authorizeChange("manage", security, ctx);
    if (security.status.methods[method]?.enabled !== true) {
      throw refusal({ reason: "method-not-enabled" });
    }
    tx.update(refs.status(ctx.uid), { preferredMethod: method });
  });
  return { preferredMethod: method } satisfies SetPreferredMethodResult;
});
