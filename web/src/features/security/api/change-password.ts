import {
  changePasswordInputSchema,
  type ChangePasswordInput,
  type ChangePasswordResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { changePasswordInputSchema, type ChangePasswordInput };

const call = callable<ChangePasswordInput, ChangePasswordResult>("changePassword");

/**
 * Sets a new password (step-up required once 2FA is on). Every other session ends, this
 * one included: the result's custom token re-issues it.
 */
export async function changePassword(input: ChangePasswordInput): Promise<ChangePasswordResult> {
  return call(changePasswordInputSchema.parse(input));
}
