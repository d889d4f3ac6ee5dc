import { useMutation } from "@tanstack/react-query";
import type { SendVerificationCodeResult } from "@dash2fa/shared";
import type { SendVerificationCodeInput } from "@dash2fa/shared/phone";
import { callable } from "@/lib/firebase";

// The verification calls live with the dialog rather than in one feature: every purpose
// (enrolment on the Security page now, sign-in and step-up later) sends and verifies codes
// through this one dialog, and features may not import each other.

export type { SendVerificationCodeInput };

const call = callable<SendVerificationCodeInput, SendVerificationCodeResult>(
  "sendVerificationCode",
);

/**
 * Sends (or re-sends) a code. The forms validated the destination with the shared
 * schemas already, and the function checks the whole input again; parsing the union here
 * would put libphonenumber's metadata in every page that can send a code.
 */
export async function sendVerificationCode(
  input: SendVerificationCodeInput,
): Promise<SendVerificationCodeResult> {
  return call(input);
}

export function useSendVerificationCode() {
  return useMutation({ mutationFn: sendVerificationCode });
}
