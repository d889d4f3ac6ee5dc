import { useMutation } from "@tanstack/react-query";
import {
  useRecoveryCodeInputSchema,
  type UseRecoveryCodeInput,
  type UseRecoveryCodeResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

// "redeem" rather than the callable's own name: a function called `useRecoveryCode`
// would read as a React hook to people and to the hooks linter alike.

export { useRecoveryCodeInputSchema as redeemRecoveryCodeInputSchema };
export type RedeemRecoveryCodeInput = UseRecoveryCodeInput;

const call = callable<UseRecoveryCodeInput, UseRecoveryCodeResult>("useRecoveryCode");

/** Signs in or steps up with a recovery code; the server gets the normalised code. */
export async function redeemRecoveryCode(
  input: RedeemRecoveryCodeInput,
): Promise<UseRecoveryCodeResult> {
  return call(useRecoveryCodeInputSchema.parse(input));
}

export function useRedeemRecoveryCode() {
  return useMutation({ mutationFn: redeemRecoveryCode });
}
