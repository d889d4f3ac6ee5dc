import {
  revokeDeviceInputSchema,
  type RevokeDeviceInput,
  type RevokeDevicesResult,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { revokeDeviceInputSchema, type RevokeDeviceInput };

const call = callable<RevokeDeviceInput, RevokeDevicesResult>("revokeDevice");

/** Forgets one remembered device (step-up required). */
export async function revokeDevice(input: RevokeDeviceInput): Promise<RevokeDevicesResult> {
  return call(revokeDeviceInputSchema.parse(input));
}
