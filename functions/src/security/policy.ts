import type { SecondStepClaims } from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { refusal } from "../errors.js";
import { requireRecentVerification, requireSecondStep, type UserSecurity } from "./state.js";

/**
 * The step-up policy, in one place: every callable that changes security state asks
 * `authorizeChange` what the caller's session must have done first (SPEC, "Sessions").
 *
 * - `add-factor`: enrol a method, change a destination, add a passkey. Once any method is
 *   on, this needs a fresh verification by a factor already on the account, exactly like
 *   removing one, or a session could add its own factor and use it to remove the owner's.
 * - `remove-factor`, `regenerate-recovery-codes`, `revoke-devices`, `end-sessions` (sign
 *   out another session): a fresh verification, so a stolen session cannot end the owner's.
 * - `change-password`: a fresh verification once 2FA is on; without 2FA, the proof of the
 *   current password (checked by the callable) is all there is.
 * - `manage`: a label or a preference (a passkey's name); the second step is enough.
 */
export type SensitiveChange =
  | "add-factor"
  | "remove-factor"
  | "regenerate-recovery-codes"
  | "revoke-devices"
  | "change-password"
  | "end-sessions"
  | "manage";

export function authorizeChange(
  change: SensitiveChange,
  security: UserSecurity,
  ctx: CallContext,
): void {
  requireSecondStep(security, ctx);
  if (change === "manage") return;
  // The first factor of an account: nothing is on yet to step up with, and the password
  // session is all there is to protect.
  if (change === "add-factor" && !security.status.required) return;
  if (change === "change-password" && !security.status.required) return;
  requireRecentVerification(ctx);
}

/**
 * The caller's session re-issued after a 2FA change it made (enrolling, removing), with
 * the `sessionsValidAfter` that change wrote: valid again for the new settings, but with its last verification time kept, so a change never
 * counts as a verification and never extends the step-up window. A remembered-device
 * session keeps its `mfaAt` of 0.
 */
export function claimsAfterChange(
  ctx: CallContext,
  method: SecondStepClaims["mfa"],
  validAfter: number,
  sessionId: string,
): SecondStepClaims {
  return {
    mfa: ctx.claims.mfa ?? method,
    mfaAt: ctx.claims.mfaAt ?? 0,
    sessionAt: validAfter,
    sid: sessionId,
  };
}

/**
 * The caller's session id, for a change that needs the second step passed: present
 * whenever `requireSecondStep` let the caller through with 2FA on.
 */
export function sessionIdOf(ctx: CallContext): string {
  if (ctx.claims.sid === undefined) throw refusal({ reason: "second-step-required" });
  return ctx.claims.sid;
}
