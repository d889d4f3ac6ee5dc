import { deliverMailInEmulator } from "./emulator/deliver-mail.js";
import { devOutboxCallable } from "./emulator/dev-outbox.js";
import { benchFloorCallable } from "./emulator/floor.js";
import { devResetLimitsCallable } from "./emulator/reset-limits.js";
import { isEmulator } from "./runtime.js";

export { sendVerificationCode } from "./verification/send-verification-code.js";
export { verifyCode } from "./verification/verify-code.js";
export { getDeliveryStatus } from "./verification/get-delivery-status.js";
export { startTotpEnrollment } from "./verification/start-totp-enrollment.js";
export { startPasskeyRegistration, finishPasskeyRegistration } from "./passkeys/registration.js";
export { startPasskeyVerification, finishPasskeyVerification } from "./passkeys/verification.js";
export { renamePasskey, removePasskey } from "./passkeys/manage.js";
export { useRecoveryCode } from "./account/use-recovery-code.js";
export { signInWithRememberedDevice } from "./account/sign-in-with-remembered-device.js";
export { disableMethod } from "./account/disable-method.js";
export { setPreferredMethod } from "./account/set-preferred-method.js";
export { regenerateRecoveryCodes } from "./account/regenerate-recovery-codes.js";
export { revokeDevice, revokeAllDevices } from "./account/revoke-devices.js";
export { changePassword, requestPasswordReset, completePasswordReset } from "./account/password.js";
export { touchSession, signOutSession, signOutOtherSessions } from "./account/sessions.js";
export { redactStaleCodes } from "./hygiene/redact-stale.js";
export { followMailDelivery, followSmsDelivery } from "./outbound/follow-delivery.js";

/**
 * Development mail delivery, the development outbox with its reset of the send limits,
 * and the benchmark floor exist only when the Functions emulator loads this module. SMS
 * is delivered in the emulator by the SMS extension itself (extensions/sms-sender),
 * against a local sink. A deploy discovers functions with the emulator variable unset, so
 * it sees `undefined` here and has nothing to deploy (proved by
 * `functions/test/deploy-manifest.test.ts`).
 */
const emulator = isEmulator();
export const devDeliverMail = emulator ? deliverMailInEmulator() : undefined;
export const devOutbox = emulator ? devOutboxCallable() : undefined;
export const benchFloor = emulator ? benchFloorCallable() : undefined;
export const devResetLimits = emulator ? devResetLimitsCallable() : undefined;
