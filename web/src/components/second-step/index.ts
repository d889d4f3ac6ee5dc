export { SecondStepChallenge, type SecondStepChallengeProps } from "./second-step-challenge";
export { ConfirmWithStepUpDialog } from "./confirm-with-step-up-dialog";
export { StepUpDialog } from "./step-up-dialog";
export { useStepUp, isStepUpCancelled, StepUpCancelledError, type StepUp } from "./use-step-up";
export { redeemRecoveryCode, useRedeemRecoveryCode } from "./api/redeem-recovery-code";
