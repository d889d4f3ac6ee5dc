import { deliverMailInEmulator } from "./emulator/deliver-mail.js";
import { isEmulator } from "./runtime.js";

export { sendVerificationCode } from "./verification/send-verification-code.js";
export { verifyCode } from "./verification/verify-code.js";

/**
 * Development delivery exists only when the Functions emulator loads this module. A
 * deploy discovers functions with the emulator variable unset, so it sees `undefined`
 * here and has nothing to deploy (proved by `functions/test/deploy-manifest.test.ts`).
 */
export const devDeliverMail = isEmulator() ? deliverMailInEmulator() : undefined;
