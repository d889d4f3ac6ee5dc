import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { sendEmailCodeInputSchema, type SendVerificationCodeResult } from "@dash2fa/shared";
import { Field } from "@/components/field";
import { describeFailure, toFailure, useSendVerificationCode } from "@/components/verify-dialog";
import { messages } from "@/lib/messages";

const text = messages.security;

/** The form checks the destination with the very schema the function applies to it. */
const emailFormSchema = sendEmailCodeInputSchema.pick({ destination: true });
type EmailFormInput = z.input<typeof emailFormSchema>;
type EmailFormOutput = z.output<typeof emailFormSchema>;
type EnrollEmailRequest = z.output<typeof sendEmailCodeInputSchema>;

export interface EmailChallenge {
  request: EnrollEmailRequest;
  sent: SendVerificationCodeResult;
}

interface EnableEmailFormProps {
  defaultEmail: string;
  onSent: (challenge: EmailChallenge) => void;
  /** Asked when the server says "wait": true if a code sent earlier could be reused. */
  onCooldown: (destination: string) => boolean;
  onCancel: () => void;
}

export function EnableEmailForm({
  defaultEmail,
  onSent,
  onCooldown,
  onCancel,
}: EnableEmailFormProps) {
  const send = useSendVerificationCode();
  const [error, setError] = useState<string | null>(null);
  const {
    register,
    handleSubmit,
    setFocus,
    formState: { errors },
  } = useForm<EmailFormInput, unknown, EmailFormOutput>({
    resolver: zodResolver(emailFormSchema),
    defaultValues: { destination: defaultEmail },
  });

  useEffect(() => setFocus("destination"), [setFocus]);

  const onSubmit = handleSubmit(({ destination }) => {
    if (send.isPending) return;
    const request: EnrollEmailRequest = { purpose: "enroll", method: "email", destination };
    setError(null);
    send.mutate(request, {
      onSuccess: (sent) => onSent({ request, sent }),
      onError: (cause) => {
        const failure = toFailure(cause);
        if (failure?.reason === "cooldown" && onCooldown(destination)) return;
        setError(describeFailure(failure));
      },
    });
  });

  return (
    <form className="method-form stack" noValidate onSubmit={onSubmit}>
      <Field
        label={text.emailAddressLabel}
        hint={text.emailAddressHint}
        type="email"
        autoComplete="email"
        spellCheck={false}
        error={errors.destination?.message}
        {...register("destination")}
      />
      {error && (
        <p key={send.submittedAt} role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={send.isPending}>
          {text.sendCodeButton}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {text.cancelButton}
        </button>
      </div>
    </form>
  );
}
