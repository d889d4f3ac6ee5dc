import { maskEmail, type TwoFactorMethod } from "@dash2fa/shared";
import {
  maskPhone,
  type SendVerificationCodeInput,
  type sendVerificationCodeInputSchema,
} from "@dash2fa/shared/phone";
import type { z } from "zod/mini";
import type { CallContext } from "../context.js";
import { refusal } from "../errors.js";
import { authorizeChange } from "../security/policy.js";
import { requireSecondStep, type UserSecurity } from "../security/state.js";

/** The destination as the user sees it; the authenticator app and passkeys have none. */
export function maskDestination(method: TwoFactorMethod, destination: string): string {
  if (method === "email") return maskEmail(destination);
  if (method === "phone") return maskPhone(destination);
  return "";
}

type SendInput = z.output<typeof sendVerificationCodeInputSchema>;
export type { SendVerificationCodeInput };

/**
 * Where a code for this request may go, and whether the caller may ask for it:
 * - enroll: to the new destination, if the caller may add a factor (once 2FA is on, that
 *   needs a recent verification, whether the method is new or its destination changes);
 * - sign-in and step-up: only to the destination on file of an enabled method.
 */
export function resolveDestination(
  input: SendInput,
  security: UserSecurity,
  ctx: CallContext,
): string {
  const enabled = security.status.methods[input.method]?.enabled === true;
  const onFile = security.destinations[input.method];
  if (input.purpose === "enroll") {
    requireSecondStep(security, ctx);
    if (enabled && onFile === input.destination) {
      throw refusal({ reason: "method-already-enabled" });
    }
    authorizeChange("add-factor", security, ctx);
    return input.destination;
  }
  if (input.purpose === "step-up") requireSecondStep(security, ctx);
  if (!enabled || !onFile) throw refusal({ reason: "method-not-enabled" });
  if (
    input.purpose === "sign-in" &&
    input.method === "email" &&
    security.status.emailBarredAfterReset
  ) {
    throw refusal({ reason: "email-not-after-reset" });
  }
  return onFile;
}
