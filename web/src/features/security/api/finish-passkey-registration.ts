import type { RegistrationResponseJSON } from "@simplewebauthn/browser";
import {
  finishPasskeyRegistrationInputSchema,
  type FinishPasskeyRegistrationInput,
  type FinishPasskeyRegistrationResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { finishPasskeyRegistrationInputSchema, type FinishPasskeyRegistrationInput };

const call = callable<FinishPasskeyRegistrationInput, FinishPasskeyRegistrationResult>(
  "finishPasskeyRegistration",
);

export interface FinishPasskeyRegistrationRequest {
  name: string;
  /** What the browser's prompt created, as SimpleWebAuthn returns it. */
  response: RegistrationResponseJSON;
}

/**
 * Registers the new key under its name; the result's custom token re-issues this session
 * (adding a key is a 2FA change that ends the other sessions).
 */
export async function finishPasskeyRegistration(
  input: FinishPasskeyRegistrationRequest,
): Promise<FinishPasskeyRegistrationResult> {
  return call(finishPasskeyRegistrationInputSchema.parse(input));
}
