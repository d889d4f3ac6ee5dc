import {
  removePasskeyInputSchema,
  type RemovePasskeyInput,
  type RemovePasskeyResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { removePasskeyInputSchema, type RemovePasskeyInput };

const call = callable<RemovePasskeyInput, RemovePasskeyResult>("removePasskey");

/**
 * Removes one key (step-up required); at zero keys passkeys are off. The result's custom
 * token re-issues this session.
 */
export async function removePasskey(input: RemovePasskeyInput): Promise<RemovePasskeyResult> {
  return call(removePasskeyInputSchema.parse(input));
}
