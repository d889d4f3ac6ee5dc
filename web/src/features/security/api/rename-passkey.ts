import {
  renamePasskeyInputSchema,
  type RenamePasskeyInput,
  type RenamePasskeyResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { renamePasskeyInputSchema, type RenamePasskeyInput };

const call = callable<RenamePasskeyInput, RenamePasskeyResult>("renamePasskey");

/** Gives a registered key a new name. */
export async function renamePasskey(input: RenamePasskeyInput): Promise<RenamePasskeyResult> {
  return call(renamePasskeyInputSchema.parse(input));
}
