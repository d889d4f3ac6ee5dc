import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod";
import { credentialsSchema, type Credentials } from "@dash2fa/shared";
import { Field } from "@/components/field";
import { messages } from "@/lib/messages";

const text = messages.auth;

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
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<z.input<typeof credentialsSchema>, unknown, Credentials>({
    resolver: zodResolver(credentialsSchema),
    defaultValues: { email: "", password: "" },
  });

  return (
    <form
      className="stack"
      noValidate
      onSubmit={handleSubmit((credentials) => {
        if (!pending) onSubmit(credentials);
      })}
    >
      <Field
        label={text.emailLabel}
        type="email"
        autoComplete="username"
        spellCheck={false}
        error={errors.email?.message}
        {...register("email")}
      />
      <Field
        label={text.passwordLabel}
        type="password"
        autoComplete={passwordAutoComplete}
        error={errors.password?.message}
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
