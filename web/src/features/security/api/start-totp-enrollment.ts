import { emptyInputSchema, type StartTotpEnrollmentResult } from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

const call = callable<Record<string, never>, StartTotpEnrollmentResult>("startTotpEnrollment");

/**
 * A new authenticator app secret, shown once as a QR code and as text; nothing is enabled
 * until `verifyCode({ purpose: "enroll", method: "totp" })` confirms a first code.
 */
export async function startTotpEnrollment(): Promise<StartTotpEnrollmentResult> {
  return call(emptyInputSchema.parse({}));
}
