import {
  startPasskeyVerificationInputSchema,
  type PasskeyChallengeResult,
  type StartPasskeyVerificationInput,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { startPasskeyVerificationInputSchema, type StartPasskeyVerificationInput };

const call = callable<StartPasskeyVerificationInput, PasskeyChallengeResult>(
  "startPasskeyVerification",
);

/** A fresh challenge for the user's registered keys, for sign-in or step-up. */
export async function startPasskeyVerification(
  input: StartPasskeyVerificationInput,
): Promise<PasskeyChallengeResult> {
  return call(startPasskeyVerificationInputSchema.parse(input));
}
