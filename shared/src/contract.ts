import type { z } from "zod/mini";
import type {
  ChangePasswordResult,
  CompletePasswordResetResult,
  DeliveryStatusResult,
  DisableMethodResult,
  FinishPasskeyRegistrationResult,
  FinishPasskeyVerificationResult,
  PasskeyChallengeResult,
  RegenerateRecoveryCodesResult,
  RemovePasskeyResult,
  RenamePasskeyResult,
  RequestPasswordResetResult,
  RevokeDevicesResult,
  SendVerificationCodeResult,
  SessionUpgrade,
  SetPreferredMethodResult,
  SignOutSessionsResult,
  StartTotpEnrollmentResult,
  TouchSessionResult,
  UseRecoveryCodeResult,
  VerifyCodeResult,
} from "./api.js";
import { sendVerificationCodeInputSchema } from "./phone-schemas.js";
import {
  changePasswordInputSchema,
  completePasswordResetInputSchema,
  deliveryStatusInputSchema,
  disableMethodInputSchema,
  emptyInputSchema,
  finishPasskeyRegistrationInputSchema,
  finishPasskeyVerificationInputSchema,
  rememberedDeviceInputSchema,
  removePasskeyInputSchema,
  renamePasskeyInputSchema,
  requestPasswordResetInputSchema,
  revokeDeviceInputSchema,
  setPreferredMethodInputSchema,
  signOutSessionInputSchema,
  startPasskeyVerificationInputSchema,
  useRecoveryCodeInputSchema,
  verifyCodeInputSchema,
} from "./schemas.js";

/**
 * `@dash2fa/shared/contract`: every callable, by the name it is exported under, with the
 * schema its input is parsed with and the type it answers. The functions define each
 * callable from its entry (`define` in functions/src/callable.ts) and the web app and the
 * tests call it by name with both types inferred (`call` in web/src/lib/firebase.ts,
 * `callAs` in tests/support). The web app imports this module for its types only, so the
 * schemas (libphonenumber's among them) stay out of its bundle.
 */

/** One callable: its input schema, and its result type carried as a type only. */
export interface CallableSpec<Input extends z.ZodMiniType, Result> {
  input: Input;
  /** Answers callers that are not signed in (the forgotten-password pages); others refuse. */
  signedOut?: true;
  /** Never set: it carries the result type to `CallableResult`. */
  readonly result?: Result;
}

const answers =
  <Result>() =>
  <Input extends z.ZodMiniType>(
    input: Input,
    access: { signedOut?: true } = {},
  ): CallableSpec<Input, Result> => ({ input, ...access });

export const contract = {
  sendVerificationCode: answers<SendVerificationCodeResult>()(sendVerificationCodeInputSchema),
  verifyCode: answers<VerifyCodeResult>()(verifyCodeInputSchema),
  getDeliveryStatus: answers<DeliveryStatusResult>()(deliveryStatusInputSchema),
  startTotpEnrollment: answers<StartTotpEnrollmentResult>()(emptyInputSchema),
  startPasskeyRegistration: answers<PasskeyChallengeResult>()(emptyInputSchema),
  finishPasskeyRegistration: answers<FinishPasskeyRegistrationResult>()(
    finishPasskeyRegistrationInputSchema,
  ),
  startPasskeyVerification: answers<PasskeyChallengeResult>()(startPasskeyVerificationInputSchema),
  finishPasskeyVerification: answers<FinishPasskeyVerificationResult>()(
    finishPasskeyVerificationInputSchema,
  ),
  renamePasskey: answers<RenamePasskeyResult>()(renamePasskeyInputSchema),
  removePasskey: answers<RemovePasskeyResult>()(removePasskeyInputSchema),
  useRecoveryCode: answers<UseRecoveryCodeResult>()(useRecoveryCodeInputSchema),
  signInWithRememberedDevice: answers<SessionUpgrade>()(rememberedDeviceInputSchema),
  disableMethod: answers<DisableMethodResult>()(disableMethodInputSchema),
  setPreferredMethod: answers<SetPreferredMethodResult>()(setPreferredMethodInputSchema),
  regenerateRecoveryCodes: answers<RegenerateRecoveryCodesResult>()(emptyInputSchema),
  revokeDevice: answers<RevokeDevicesResult>()(revokeDeviceInputSchema),
  revokeAllDevices: answers<RevokeDevicesResult>()(emptyInputSchema),
  changePassword: answers<ChangePasswordResult>()(changePasswordInputSchema),
  requestPasswordReset: answers<RequestPasswordResetResult>()(requestPasswordResetInputSchema, {
    signedOut: true,
  }),
  completePasswordReset: answers<CompletePasswordResetResult>()(completePasswordResetInputSchema, {
    signedOut: true,
  }),
  touchSession: answers<TouchSessionResult>()(emptyInputSchema),
  signOutSession: answers<SignOutSessionsResult>()(signOutSessionInputSchema),
  signOutOtherSessions: answers<SignOutSessionsResult>()(emptyInputSchema),
} as const;

type Contract = typeof contract;
export type CallableName = keyof Contract;
/** What a caller sends: the schema's input side (before transforms and defaults). */
export type CallableInput<Name extends CallableName> = z.input<Contract[Name]["input"]>;
/** What the handler receives: the schema's output side, parsed once by `define`. */
export type ParsedInput<Name extends CallableName> = z.output<Contract[Name]["input"]>;
export type CallableResult<Name extends CallableName> = NonNullable<Contract[Name]["result"]>;

/** Every callable name, for tests that walk them all. */
export const callableNames = Object.keys(contract) as CallableName[];
