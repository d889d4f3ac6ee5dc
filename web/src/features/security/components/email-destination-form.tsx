import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod/mini";
import { sendEmailCodeInputSchema, verificationPolicy } from "@dash2fa/shared";
import { Field } from "@/components/field";
import type { StepUp } from "@/components/second-step";
import { useT } from "@/lib/i18n";
import { DestinationFormActions } from "./destination-form-actions";
import { useEnrollSend, type EnrollChallenge } from "./use-enroll-send";

/** The form checks the destination with the very schema the function applies to it. */
const emailFormSchema = z.pick(sendEmailCodeInputSchema, { destination: true });
type EmailFormInput = z.input<typeof emailFormSchema>;
type EmailFormOutput = z.output<typeof emailFormSchema>;

interface EmailDestinationFormProps {
  defaultEmail: string;
  /** True when the method is on and this changes its address. */
  changing: boolean;
  withStepUp: StepUp["withStepUp"];
  onSent: (challenge: EnrollChallenge) => void;
  onCooldown: (destination: string) => boolean;
  onCancel: () => void;
}

export function EmailDestinationForm({
  defaultEmail,
  changing,
  withStepUp,
  onSent,
  onCooldown,
  onCancel,
}: EmailDestinationFormProps) {
  const t = useT();
  const [error, setError] = useState<unknown>(null);
  const send = useEnrollSend({ changing, withStepUp, onSent, onCooldown, onError: setError });
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
    setError(null);
    send.mutate({ purpose: "enroll", method: "email", destination });
  });

  return (
    <form className="method-form stack" noValidate onSubmit={onSubmit}>
      <Field
        label={t("security.emailAddressLabel")}
        hint={t("security.emailAddressHint", {
          length: String(verificationPolicy.codeLength),
        })}
        type="email"
        autoComplete="email"
        spellCheck={false}
        // The schema's words are English; any refusal of the address reads the same.
        error={errors.destination && t("security.emailInvalid")}
        {...register("destination")}
      />
      <DestinationFormActions
        error={error}
        errorKey={send.submittedAt}
        pending={send.isPending}
        onCancel={onCancel}
      />
    </form>
  );
}
