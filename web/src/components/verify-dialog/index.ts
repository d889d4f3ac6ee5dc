export { VerifyDialog, type VerifyDialogProps } from "./verify-dialog";
export { VerificationCodeForm, type VerificationCodeFormProps } from "./code-form";
export {
  describeError,
  describeRefusal,
  describePasskeyError,
  describeRecoveryCodeFormat,
  isPasskeyPromptCancelled,
} from "./describe-refusal";
export {
  sendVerificationCode,
  useSendVerificationCode,
  type SendVerificationCodeInput,
} from "./api/send-verification-code";
export { verifyCode, useVerifyCode } from "./api/verify-code";
