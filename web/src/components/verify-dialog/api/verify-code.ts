import { useMutation } from "@tanstack/react-query";
import type { CallableInput } from "@dash2fa/shared/contract";
import { call } from "@/lib/firebase";

/** Checks a typed code; the server normalises it with the contract's schema. */
export function verifyCode(input: CallableInput<"verifyCode">) {
  return call("verifyCode", input);
}

export function useVerifyCode() {
  return useMutation({ mutationFn: verifyCode });
}
