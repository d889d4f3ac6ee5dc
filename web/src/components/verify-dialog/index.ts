export { VerifyDialog, type VerifyDialogProps } from "./verify-dialog";
export { VerificationCodeForm, type VerificationCodeFormProps } from "./code-form";
export {
  describeError,
  describeFailure,
  describePasskeyError,
  describeRecoveryCodeFormat,
  isPasskeyPromptCancelled,
  toFailure,
} from "./describe-failure";
export {
  sendVerificationCode,
  useSendVerificationCode,
  type SendVerificationCodeInput,
} from "./api/send-verification-code";
export { verifyCode, useVerifyCode } from "./api/verify-code";
