import { useEffect, useState } from "react";
import { Link } from "react-router";
import { PageTitle } from "@/components/page-title";
import { paths } from "@/config/paths";
import { clearSessionEndedNote, sessionEndedNote } from "@/lib/current-session";
import { useT } from "@/lib/i18n";
import { useSignIn } from "../api/sign-in";
import { signInErrorMessage } from "../utils/auth-error-message";
import { CredentialsForm } from "./credentials-form";

export function SignInPage() {
  const t = useT();
  const signIn = useSignIn();
  // Said once: why the last session of this browser ended, if it was not its own doing.
  const [ended] = useState(sessionEndedNote);
  useEffect(clearSessionEndedNote, []);

  return (
    <div className="page page-narrow card stack">
      <PageTitle page={t("auth.signInTitle")} />
      <h1>{t("auth.signInTitle")}</h1>
      {ended && (
        <p role="status" className="alert alert-info">
          {t(`auth.sessionEnded.${ended}`)}
        </p>
      )}
      <CredentialsForm
        submitLabel={t("auth.signInButton")}
        passwordAutoComplete="current-password"
        pending={signIn.isPending}
        error={signIn.isError ? signInErrorMessage(signIn.error) : null}
        attempt={signIn.submittedAt}
        onSubmit={(credentials) => signIn.mutate(credentials)}
      />
      <p>
        <Link to={paths.forgotPassword}>{t("auth.forgotPasswordLink")}</Link>
      </p>
      <p>
        {t("auth.noAccountPrompt")} <Link to={paths.signUp}>{t("auth.signUpLink")}</Link>
      </p>
    </div>
  );
}
