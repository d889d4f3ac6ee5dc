import { useMutation } from "@tanstack/react-query";
import type { CallableInput } from "@dash2fa/shared/contract";
import { call } from "@/lib/firebase";

/** Emails a reset link if an account uses the address; the answer is the same either way. */
export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (input: CallableInput<"requestPasswordReset">) =>
      call("requestPasswordReset", input),
  });
}
