import { useMutation } from "@tanstack/react-query";
import type { CallableInput } from "@dash2fa/shared/contract";
import { call } from "@/lib/firebase";

// "redeem" rather than the callable's own name: a function called `useRecoveryCode`
// would read as a React hook to people and to the hooks linter alike.

/** Signs in or steps up with a recovery code. */
export function redeemRecoveryCode(input: CallableInput<"useRecoveryCode">) {
  return call("useRecoveryCode", input);
}

export function useRedeemRecoveryCode() {
  return useMutation({ mutationFn: redeemRecoveryCode });
}
