import { useMutation } from "@tanstack/react-query";
import {
  verifyCodeInputSchema,
  type VerifyCodeInput,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { verifyCodeInputSchema, type VerifyCodeInput };

const call = callable<VerifyCodeInput, VerifyCodeResult>("verifyCode");

/** Checks a code; the server gets the normalised digits, exactly what its schema yields. */
export async function verifyCode(input: VerifyCodeInput): Promise<VerifyCodeResult> {
  return call(verifyCodeInputSchema.parse(input));
}

export function useVerifyCode() {
  return useMutation({ mutationFn: verifyCode });
}
