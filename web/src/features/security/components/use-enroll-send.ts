import { useMutation } from "@tanstack/react-query";
import type { z } from "zod/mini";
import type { SendVerificationCodeResult, sendEmailCodeInputSchema } from "@dash2fa/shared";
import type { sendPhoneCodeInputSchema } from "@dash2fa/shared/phone";
import { isStepUpCancelled, type StepUp } from "@/components/second-step";
import { sendVerificationCode } from "@/components/verify-dialog";
import { toRefusal } from "@/lib/firebase";

export type EnrollRequest =
  z.output<typeof sendEmailCodeInputSchema> | z.output<typeof sendPhoneCodeInputSchema>;

/** A code on its way to a new destination, and what to resend. */
export interface EnrollChallenge {
  request: EnrollRequest;
  sent: SendVerificationCodeResult;
}

interface EnrollSendOptions {
  /** Changing the destination of an enabled method needs a recent verification. */
  changing: boolean;
  withStepUp: StepUp["withStepUp"];
  onSent: (challenge: EnrollChallenge) => void;
  /** Asked when the server says "wait": true if a code sent earlier could be reused. */
  onCooldown: (destination: string) => boolean;
  /** The failure to show, or null when there is nothing to say (step-up cancelled). */
  onError: (error: unknown) => void;
}

/** Sends the enrolment code, through step-up when the server (or the session) needs it. */
export function useEnrollSend({
  changing,
  withStepUp,
  onSent,
  onCooldown,
  onError,
}: EnrollSendOptions) {
  const send = useMutation({
    mutationFn: (request: EnrollRequest) =>
      withStepUp(() => sendVerificationCode(request), { askFirst: changing }),
    onSuccess: (sent, request) => onSent({ request, sent }),
    onError: (error, request) => {
      if (isStepUpCancelled(error)) return onError(null);
      if (toRefusal(error)?.reason === "cooldown" && onCooldown(request.destination)) return;
      onError(error);
    },
  });
  return send;
}
