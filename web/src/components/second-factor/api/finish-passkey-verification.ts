import type { AuthenticationResponseJSON } from "@simplewebauthn/browser";
import {
  finishPasskeyVerificationInputSchema,
  type FinishPasskeyVerificationInput,
  type FinishPasskeyVerificationResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { finishPasskeyVerificationInputSchema, type FinishPasskeyVerificationInput };

const call = callable<FinishPasskeyVerificationInput, FinishPasskeyVerificationResult>(
  "finishPasskeyVerification",
);

export interface FinishPasskeyVerificationRequest {
  purpose: "sign-in" | "step-up";
  /** What the browser's prompt answered, as SimpleWebAuthn returns it. */
  response: AuthenticationResponseJSON;
  rememberDevice?: boolean;
}

/**
 * Sends the key's answer to the challenge; the server checks it with the same schema
 * first, so a malformed answer is refused here the same way.
 */
export async function finishPasskeyVerification(
  input: FinishPasskeyVerificationRequest,
): Promise<FinishPasskeyVerificationResult> {
  return call(finishPasskeyVerificationInputSchema.parse(input));
}
