import { useEffect, useRef } from "react";
import { Link } from "react-router";
import { useForm } from "react-hook-form";
import { zodResolver } from "@hookform/resolvers/zod";
import type { z } from "zod/mini";
import {
  MINUTE_MS,
  passwordPolicy,
  requestPasswordResetInputSchema,
  type RequestPasswordResetInput,
} from "@dash2fa/shared";
import { Field } from "@/components/field";
import { PageTitle } from "@/components/page-title";
import { describeError } from "@/components/verify-dialog";
import { paths } from "@/config/paths";
import { useT } from "@/lib/i18n";
import { useRequestPasswordReset } from "../api/request-password-reset";

const linkMinutes = passwordPolicy.resetLinkLifetimeMs / MINUTE_MS;

type ForgotFormOutput = z.output<typeof requestPasswordResetInputSchema>;

export function ForgotPasswordPage() {
  const t = useT();
  const request = useRequestPasswordReset();
  const sentRef = useRef<HTMLParagraphElement>(null);
  const {
    register,
    handleSubmit,
    formState: { errors },
  } = useForm<RequestPasswordResetInput, unknown, ForgotFormOutput>({
    resolver: zodResolver(requestPasswordResetInputSchema),
    defaultValues: { email: "" },
  });

  // The server answers the same for every address (a spent per-address quota included);
  // the one refusal it gives is the per-IP limit, which concerns this network, not the
  // address, and is shown as it is rather than as a link that was never sent.
  const sent = request.isSuccess;

  useEffect(() => {
    if (sent) sentRef.current?.focus();
  }, [sent]);

  return (
    <div className="page page-narrow card stack">
      <PageTitle page={t("passwordReset.forgotTitle")} />
      <h1>{t("passwordReset.forgotTitle")}</h1>
      {!sent && <p>{t("passwordReset.forgotIntro")}</p>}
      {/* Present from the start so screen readers announce the answer when it appears. */}
      <p
        ref={sentRef}
        role="status"
        tabIndex={-1}
        className={sent ? "alert alert-success" : "live-region"}
      >
        {sent && t("passwordReset.linkSent", { count: linkMinutes })}
      </p>
      {!sent && (
        <form
          className="stack"
          noValidate
          onSubmit={handleSubmit((input) => {
            if (!request.isPending) request.mutate(input);
          })}
        >
          <Field
            label={t("auth.emailLabel")}
            type="email"
            autoComplete="username"
            spellCheck={false}
            error={errors.email && t("auth.emailInvalid")}
            {...register("email")}
          />
          {request.isError && (
            <p key={request.submittedAt} role="alert" className="alert alert-error">
              {describeError(request.error)}
            </p>
          )}
          <button
            type="submit"
            className="button button-primary button-block"
            aria-busy={request.isPending}
          >
            {t("passwordReset.sendLinkButton")}
          </button>
        </form>
      )}
      <p>
        <Link to={paths.signIn}>{t("passwordReset.backToSignIn")}</Link>
      </p>
    </div>
  );
}
