import { useMutation } from "@tanstack/react-query";
import type { CallableInput } from "@dash2fa/shared/contract";
import { call } from "@/lib/firebase";

// The verification calls live with the dialog rather than in one feature: every purpose
// (enrolment, sign-in, step-up) sends and verifies codes through this one dialog, and
// features may not import each other.

export type SendVerificationCodeInput = CallableInput<"sendVerificationCode">;

/**
 * Sends (or re-sends) a code. The forms validated the destination with the shared
 * schemas already, and the function checks the whole input again; parsing the union here
 * would put libphonenumber's metadata in every page that can send a code.
 */
export function sendVerificationCode(input: SendVerificationCodeInput) {
  return call("sendVerificationCode", input);
}

export function useSendVerificationCode() {
  return useMutation({ mutationFn: sendVerificationCode });
}
