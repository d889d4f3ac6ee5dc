import {
  disableMethodInputSchema,
  type DisableMethodInput,
  type DisableMethodResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { disableMethodInputSchema, type DisableMethodInput };

const call = callable<DisableMethodInput, DisableMethodResult>("disableMethod");

/** Turns a method off (step-up required); the result's custom token re-issues this session. */
export async function disableMethod(input: DisableMethodInput): Promise<DisableMethodResult> {
  return call(disableMethodInputSchema.parse(input));
}
