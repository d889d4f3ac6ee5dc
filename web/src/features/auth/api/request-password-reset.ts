import { useMutation } from "@tanstack/react-query";
import {
  requestPasswordResetInputSchema,
  type RequestPasswordResetInput,
  type RequestPasswordResetResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { requestPasswordResetInputSchema, type RequestPasswordResetInput };

const call = callable<RequestPasswordResetInput, RequestPasswordResetResult>(
  "requestPasswordReset",
);

/** Emails a reset link if an account uses the address; the answer is the same either way. */
export async function requestPasswordReset(
  input: RequestPasswordResetInput,
): Promise<RequestPasswordResetResult> {
  return call(requestPasswordResetInputSchema.parse(input));
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
