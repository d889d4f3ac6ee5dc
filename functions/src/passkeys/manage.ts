import { FieldValue } from "firebase-admin/firestore";
import { type RemovePasskeyResult, type RenamePasskeyResult } from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { recordActivity } from "../security/activity.js";
import { queueNotices } from "../security/notices.js";
import { authorizeChange, claimsAfterChange, sessionIdOf } from "../security/policy.js";
import { keepSessionThroughChange, validAfterChange } from "../security/session.js";
import { readUserSecurity, refs } from "../security/state.js";
import { turnOffMethod } from "../security/turn-off.js";
import type { PasskeyRecord } from "./store.js";

const unknownKey = () =>
  refusal({ reason: "invalid-input", issues: [{ path: "passkeyId", message: "Unknown key." }] });

/** Renames one of the caller's keys; a name is a label, so no step-up. */
export const renamePasskey = define("renamePasskey", async ({ passkeyId, name }, request) => {
  const ctx = callContext(request);

  await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    const key = await tx.get(refs.passkey(ctx.uid, passkeyId));
    authorizeChange("manage", security, ctx);
    if (!key.exists) throw unknownKey();
    tx.update(key.ref, { name });
    recordActivity(tx, ctx.uid, {
      type: "passkey-renamed",
      at: now,
      method: "passkey",
      browser: ctx.browser,
      name,
    });
  });
  return { passkeyId, name } satisfies RenamePasskeyResult;
});

/**
 * Removes one key (step-up required). Removing the last one turns passkeys off, exactly
 * as `disableMethod` would. Like every 2FA change, it ends the user's other sessions.
 */
export const removePasskey = define("removePasskey", async ({ passkeyId }, request) => {
  const ctx = callContext(request);

  const outcome = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    const keys = await tx.get(refs.passkeys(ctx.uid));
    const key = keys.docs.find((snap) => snap.id === passkeyId);
    authorizeChange("remove-factor", security, ctx);
    if (!key) throw unknownKey();

    const { name } = key.data() as PasskeyRecord;
    const remaining = keys.size - 1;
    if (remaining === 0) {
      const validAfter = turnOffMethod(tx, ctx, security, "passkey", now, [key.ref]);
      return { validAfter, remaining };
    }
    const validAfter = validAfterChange(now, security.status);
    tx.delete(key.ref);
    tx.update(refs.status(ctx.uid), {
      "methods.passkey.keys": remaining,
      sessionsValidAfter: validAfter,
      lastUsedMethod: FieldValue.delete(),
    });
    const event = { at: now, method: "passkey" as const, browser: ctx.browser, name };
    recordActivity(tx, ctx.uid, { type: "passkey-removed", ...event });
    queueNotices(tx, ctx, security, "passkey-removed", () => name);
    return { validAfter, remaining };
  });

  const customToken = await keepSessionThroughChange(
    ctx.uid,
    claimsAfterChange(ctx, "passkey", outcome.validAfter, sessionIdOf(ctx)),
  );
  return { remaining: outcome.remaining, customToken } satisfies RemovePasskeyResult;
});
