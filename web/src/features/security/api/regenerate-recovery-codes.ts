import { emptyInputSchema, type RegenerateRecoveryCodesResult } from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

const call = callable<Record<string, never>, RegenerateRecoveryCodesResult>(
  "regenerateRecoveryCodes",
);

/** A new set of recovery codes (step-up required); the old set stops working at once. */
export async function regenerateRecoveryCodes(): Promise<RegenerateRecoveryCodesResult> {
  return call(emptyInputSchema.parse({}));
}
