import { FirebaseError } from "firebase/app";
import { passwordLength } from "@dash2fa/shared";
import { i18n } from "@/lib/i18n";

/** The form's own minimum, which the advice repeats. */
export const MIN_PASSWORD_LENGTH = passwordLength.min;
export const MAX_PASSWORD_LENGTH = passwordLength.max;

function errorCode(error: unknown): string | undefined {
  return error instanceof FirebaseError ? error.code : undefined;
}

/**
 * Worded in the active language: call these while rendering.
 *
 * Every credential failure reads the same, so the form never tells an attacker whether an
 * address has an account. Only throttling and a dead network, which say nothing about the
 * account, get their own words.
 */
export function signInErrorMessage(error: unknown): string {
  switch (errorCode(error)) {
    case "auth/too-many-requests":
      return i18n.t("auth.tooManyAttempts");
    case "auth/network-request-failed":
      return i18n.t("auth.networkFailed");
    default:
      return i18n.t("auth.signInFailed");
  }
}

/** "Address already in use" reads like any other refusal, for the same reason. */
export function signUpErrorMessage(error: unknown): string {
  switch (errorCode(error)) {
    case "auth/weak-password":
    case "auth/password-does-not-meet-requirements":
      return i18n.t("auth.weakPassword", { count: MIN_PASSWORD_LENGTH });
    case "auth/network-request-failed":
      return i18n.t("auth.networkFailed");
    default:
      return i18n.t("auth.signUpFailed");
  }
}
