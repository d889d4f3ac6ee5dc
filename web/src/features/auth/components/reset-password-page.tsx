import { useEffect, useRef, type ReactNode } from "react";
import { Link, useSearchParams } from "react-router";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import { z } from "zod/mini";
import { completePasswordResetInputSchema, passwordResetTokenSchema } from "@dash2fa/shared";
import { Field } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { describeError } from "@/components/verify-dialog";
import { paths } from "@/config/paths";
import { useT } from "@/lib/i18n";
import { useCompletePasswordReset } from "../api/complete-password-reset";
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "../utils/auth-error-message";
import { toRefusal } from "@/lib/firebase";

/** The form checks the new password with the very schema the function applies to it. */
const newPasswordFormSchema = z.pick(completePasswordResetInputSchema, { newPassword: true });
type NewPasswordFormInput = z.input<typeof newPasswordFormSchema>;
type NewPasswordFormOutput = z.output<typeof newPasswordFormSchema>;

export function ResetPasswordPage() {
  const t = useT();
  const [searchParams] = useSearchParams();
  const parsedToken = passwordResetTokenSchema.safeParse(searchParams.get("token") ?? "");
  const token = parsedToken.success ? parsedToken.data : undefined;
  const reset = useCompletePasswordReset();
  const outcomeRef = useRef<HTMLDivElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<NewPasswordFormInput, unknown, NewPasswordFormOutput>({
    resolver: zodResolver(newPasswordFormSchema),
    defaultValues: { newPassword: "" },
  });

  const linkInvalid =
    token === undefined ||
    (reset.isError && toRefusal(reset.error)?.reason === "reset-link-invalid");
  const changed = reset.isSuccess;

  // The form the user was in is gone: focus goes to what replaced it, and it is read out.
  useEffect(() => {
    if (changed || (linkInvalid && reset.isError)) outcomeRef.current?.focus();
  }, [changed, linkInvalid, reset.isError]);

  const passwordError =
    errors.newPassword &&
    (errors.newPassword.type === "too_big"
      ? t("auth.passwordTooLong", { count: MAX_PASSWORD_LENGTH })
      : t("auth.passwordTooShort", { count: MIN_PASSWORD_LENGTH }));

  let body: ReactNode;
  if (linkInvalid) {
    body = (
      <>
        <div ref={outcomeRef} role="alert" tabIndex={-1} className="alert alert-error">
          {t("verify.resetLinkInvalid")}
        </div>
        <p>
          <Link to={paths.forgotPassword}>{t("passwordReset.newLinkLink")}</Link>
        </p>
      </>
    );
  } else if (changed) {
    body = (
      <>
        <div ref={outcomeRef} role="status" tabIndex={-1} className="alert alert-success stack">
          <p>{t("passwordReset.changed")}</p>
          {reset.data.emailBarred && <p>{t("passwordReset.emailBarred")}</p>}
        </div>
        <p>
          <Link to={paths.signIn}>{t("passwordReset.signInLink")}</Link>
        </p>
      </>
    );
  } else {
    body = (
      <form
        className="stack"
        noValidate
        onSubmit={handleSubmit(({ newPassword }) => {
          if (token !== undefined && !reset.isPending) reset.mutate({ token, newPassword });
        })}
      >
        <Field
          label={t("passwordReset.newPasswordLabel")}
          hint={t("passwordReset.newPasswordHint", { count: MIN_PASSWORD_LENGTH })}
          type="password"
          autoComplete="new-password"
          error={passwordError}
          {...register("newPassword")}
        />
        {reset.isError && (
          <p key={reset.submittedAt} role="alert" className="alert alert-error">
            {describeError(reset.error)}
          </p>
        )}
        <button
          type="submit"
          className="button button-primary button-block"
          aria-busy={reset.isPending}
        >
          {t("passwordReset.saveButton")}
        </button>
      </form>
    );
  }

  return (
    <div className="page page-narrow card stack">
      <PageTitle page={t("passwordReset.resetTitle")} />
      <h1>{t("passwordReset.resetTitle")}</h1>
      {body}
    </div>
  );
}
