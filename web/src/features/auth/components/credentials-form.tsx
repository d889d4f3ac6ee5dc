import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod/mini";
import { credentialsSchema, type Credentials } from "@dash2fa/shared";
import { Field } from "@/components/field";
import { useT } from "@/lib/i18n";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../utils/auth-error-message";

interface CredentialsFormProps {
  submitLabel: string;
  /** `new-password` on sign-up lets password managers offer a strong one. */
  passwordAutoComplete: "current-password" | "new-password";
  pending: boolean;
  /** The form-level failure, already worded so it reveals nothing about accounts. */
  error: string | null;
  /** Changes on every attempt, so the same message is announced again. */
  attempt: number;
  onSubmit: (credentials: Credentials) => void;
}

export function CredentialsForm({
  submitLabel,
  passwordAutoComplete,
  pending,
  error,
  attempt,
  onSubmit,
}: CredentialsFormProps) {
  const t = useT();
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof credentialsSchema>, unknown, Credentials>({
    resolver: zodResolver(credentialsSchema),
    defaultValues: { email: "", password: "" },
  });

  // The schema's messages are English (the functions share them): the field and the kind
  // of problem pick the words here, in the active language.
  const emailError = errors.email && t("auth.emailInvalid");
  const passwordError =
    errors.password &&
    (errors.password.type === "too_big"
      ? t("auth.passwordTooLong", { count: MAX_PASSWORD_LENGTH })
      : t("auth.passwordTooShort", { count: MIN_PASSWORD_LENGTH }));

  return (
    <form
      className="stack"
      noValidate
      onSubmit={handleSubmit((credentials) => {
        if (!pending) onSubmit(credentials);
      })}
    >
      <Field
        label={t("auth.emailLabel")}
        type="email"
        autoComplete="username"
        spellCheck={false}
        error={emailError}
        {...register("email")}
      />
      <Field
        label={t("auth.passwordLabel")}
        type="password"
        autoComplete={passwordAutoComplete}
        error={passwordError}
        {...register("password")}
      />
      {error && (
        <p key={attempt} role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <button type="submit" className="button button-primary button-block" aria-busy={pending}>
        {submitLabel}
      </button>
    </form>
  );
}
