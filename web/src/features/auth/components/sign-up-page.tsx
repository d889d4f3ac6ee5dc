import { Link } from "react-router";
import { PageTitle } from "@/components/page-title";
import { paths } from "@/config/paths";
import { useT } from "@/lib/i18n";
import { useSignUp } from "../api/sign-up";
import { signUpErrorMessage } from "../utils/auth-error-message";
import { CredentialsForm } from "./credentials-form";

export function SignUpPage() {
  const t = useT();
  const signUp = useSignUp();

  return (
    <div className="page page-narrow card stack">
      <PageTitle page={t("auth.signUpTitle")} />
      <h1>{t("auth.signUpTitle")}</h1>
      <CredentialsForm
        submitLabel={t("auth.signUpButton")}
        passwordAutoComplete="new-password"
        pending={signUp.isPending}
        error={signUp.isError ? signUpErrorMessage(signUp.error) : null}
        attempt={signUp.submittedAt}
        onSubmit={(credentials) => signUp.mutate(credentials)}
      />
      <p>
        {t("auth.haveAccountPrompt")} <Link to={paths.signIn}>{t("auth.signInLink")}</Link>
      </p>
    </div>
  );
}
