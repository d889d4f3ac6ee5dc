import { useMutation } from "@tanstack/react-query";
import type { CallableInput } from "@dash2fa/shared/contract";
import { call } from "@/lib/firebase";

/** Sets the password through an emailed link's token; the link works once. */
export function useCompletePasswordReset() {
  return useMutation({
    mutationFn: (input: CallableInput<"completePasswordReset">) =>
      call("completePasswordReset", input),
  });
}
