import { emptyInputSchema, type PasskeyChallengeResult } from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

const call = callable<Record<string, never>, PasskeyChallengeResult>("startPasskeyRegistration");

/** Options for the browser's "create a passkey" prompt, with a fresh challenge. */
export async function startPasskeyRegistration(): Promise<PasskeyChallengeResult> {
  return call(emptyInputSchema.parse({}));
}
