import { useMutation } from "@tanstack/react-query";
import {
  sendVerificationCodeInputSchema,
  type SendVerificationCodeInput,
  type SendVerificationCodeResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

// The verification calls live with the dialog rather than in one feature: every purpose
// (enrolment on the Security page now, sign-in and step-up later) sends and verifies codes
// through this one dialog, and features may not import each other.

export { sendVerificationCodeInputSchema, type SendVerificationCodeInput };

const call = callable<SendVerificationCodeInput, SendVerificationCodeResult>(
  "sendVerificationCode",
);

/** Sends (or re-sends) a code; input is checked with the same schema the function uses. */
export async function sendVerificationCode(
  input: SendVerificationCodeInput,
): Promise<SendVerificationCodeResult> {
  return call(sendVerificationCodeInputSchema.parse(input));
}

export function useSendVerificationCode() {
  return useMutation({ mutationFn: sendVerificationCode });
}
