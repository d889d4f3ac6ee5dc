import { emptyInputSchema, type RevokeDevicesResult } from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

const call = callable<Record<string, never>, RevokeDevicesResult>("revokeAllDevices");

/** Forgets every remembered device (step-up required). */
export async function revokeAllDevices(): Promise<RevokeDevicesResult> {
  return call(emptyInputSchema.parse({}));
}
