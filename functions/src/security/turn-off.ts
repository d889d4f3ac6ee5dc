import { FieldValue, type DocumentReference, type Transaction } from "firebase-admin/firestore";
import { enabledMethods, type TwoFactorMethod } from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { recordActivity } from "./activity.js";
import { methodName, queueNotices, removedMethod } from "./notices.js";
import { recoveryCodesRef } from "./recovery-codes.js";
import { validAfterChange } from "./session.js";
import { refs, type UserSecurity } from "./state.js";
import { forgetAppCode } from "../verification/factors/app-code.js";
import { forgetPasskeys } from "../verification/factors/passkey.js";
import { forgetSentCode } from "../verification/factors/sent-code.js";
import { endPendingCodes } from "../verification/store.js";

/** What each method kept besides its status, forgotten by its own factor module. */
const forget: Record<
  TwoFactorMethod,
  (tx: Transaction, uid: string, keys: DocumentReference[]) => void
> = {
  email: (tx, uid) => forgetSentCode(tx, uid, "email"),
  phone: (tx, uid) => forgetSentCode(tx, uid, "phone"),
  totp: (tx, uid) => forgetAppCode(tx, uid),
  passkey: (tx, _uid, keys) => forgetPasskeys(tx, keys),
};

/**
 * Turns one method off inside the caller's transaction, with everything it kept: the
 * destination, the app secret, or the passkeys (`keys`, read by the caller before any
 * write), and every code or challenge still pending for it. Turning off the last method
 * turns 2FA off and retires the recovery codes. Returns the `sessionsValidAfter` written.
 */
export function turnOffMethod(
  tx: Transaction,
  ctx: CallContext,
  security: UserSecurity,
  method: TwoFactorMethod,
  now: number,
  keys: DocumentReference[] = [],
): number {
  const stillOn = enabledMethods(security.status).filter((other) => other !== method);
  const last = stillOn.length === 0;
  const validAfter = validAfterChange(now, security.status);
  tx.update(refs.status(ctx.uid), {
    [`methods.${method}`]: FieldValue.delete(),
    required: !last,
    sessionsValidAfter: validAfter,
    ...(last ? { recoveryCodesRemaining: 0 } : {}),
    // Sign-in no longer suggests a method that is off: the choice falls back to the last
    // used method still on, then the strongest (`suggestedMethod`).
    ...(last || security.status.lastUsedMethod === method
      ? { lastUsedMethod: FieldValue.delete() }
      : {}),
    ...(security.status.preferredMethod === method ? { preferredMethod: FieldValue.delete() } : {}),
  });
  forget[method](tx, ctx.uid, keys);
  endPendingCodes(tx, ctx.uid, method);
  if (last) tx.delete(recoveryCodesRef(ctx.uid));
  recordActivity(tx, ctx.uid, { type: "method-disabled", at: now, method, browser: ctx.browser });
  const removedAddress = method === "email" ? security.destinations.email : undefined;
  // Says whether the account is still protected: off altogether, or one method fewer.
  if (last) {
    queueNotices(tx, ctx, security, "method-disabled", methodName(method), [removedAddress]);
  } else {
    const detail = removedMethod(method, stillOn);
    queueNotices(tx, ctx, security, "method-removed", detail, [removedAddress]);
  }
  return validAfter;
}
