import { Link } from "react-router";
import { paths } from "@/config/paths";
import { messages } from "@/lib/messages";
import { useSignIn } from "../api/sign-in";
import { signInErrorMessage } from "../utils/auth-error-message";
import { CredentialsForm } from "./credentials-form";

const text = messages.auth;

export function SignInPage() {
  const signIn = useSignIn();

  return (
    <div className="page page-narrow card stack">
      <title>{messages.app.pageTitle(text.signInTitle)}</title>
      <h1>{text.signInTitle}</h1>
      <CredentialsForm
        submitLabel={text.signInButton}
        passwordAutoComplete="current-password"
        pending={signIn.isPending}
        error={signIn.isError ? signInErrorMessage(signIn.error) : null}
        attempt={signIn.submittedAt}
        onSubmit={(credentials) => signIn.mutate(credentials)}
      />
      <p>
        {text.noAccountPrompt} <Link to={paths.signUp}>{text.signUpLink}</Link>
      </p>
    </div>
  );
}
