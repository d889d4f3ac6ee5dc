import { Link } from "react-router";
import { paths } from "@/config/paths";
import { messages } from "@/lib/messages";
import { useSignUp } from "../api/sign-up";
import { signUpErrorMessage } from "../utils/auth-error-message";
import { CredentialsForm } from "./credentials-form";

const text = messages.auth;

export function SignUpPage() {
  const signUp = useSignUp();

  return (
    <div className="page page-narrow card stack">
      <title>{messages.app.pageTitle(text.signUpTitle)}</title>
      <h1>{text.signUpTitle}</h1>
      <CredentialsForm
        submitLabel={text.signUpButton}
        passwordAutoComplete="new-password"
        pending={signUp.isPending}
        error={signUp.isError ? signUpErrorMessage(signUp.error) : null}
        attempt={signUp.submittedAt}
        onSubmit={(credentials) => signUp.mutate(credentials)}
      />
      <p>
        {text.haveAccountPrompt} <Link to={paths.signIn}>{text.signInLink}</Link>
      </p>
    </div>
  );
}
