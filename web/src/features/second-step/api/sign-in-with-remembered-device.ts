import {
  rememberedDeviceInputSchema,
  type RememberedDeviceInput,
  type SessionUpgrade,
} from "@dash2fa/shared";
import { callable } from "@/lib/firebase";

export { rememberedDeviceInputSchema, type RememberedDeviceInput };

const call = callable<RememberedDeviceInput, SessionUpgrade>("signInWithRememberedDevice");

/** Asks the server to accept this browser's remembered-device token as the second step. */
export async function signInWithRememberedDevice(
  input: RememberedDeviceInput,
): Promise<SessionUpgrade> {
  return call(rememberedDeviceInputSchema.parse(input));
}
