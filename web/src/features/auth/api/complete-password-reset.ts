import { useMutation } from "@tanstack/react-query";
import {
  completePasswordResetInputSchema,
  type CompletePasswordResetInput,
  type CompletePasswordResetResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { completePasswordResetInputSchema, type CompletePasswordResetInput };

const call = callable<CompletePasswordResetInput, CompletePasswordResetResult>(
  "completePasswordReset",
);

/** Sets the password through an emailed link's token; the link works once. */
export async function completePasswordReset(
  input: CompletePasswordResetInput,
): Promise<CompletePasswordResetResult> {
  return call(completePasswordResetInputSchema.parse(input));
}

export function useCompletePasswordReset() {
  return useMutation({ mutationFn: completePasswordReset });
}
