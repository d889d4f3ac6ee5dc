import { FirebaseError } from "firebase/app";
import { messages } from "@/lib/messages";

const text = messages.auth;

function errorCode(error: unknown): string | undefined {
  return error instanceof FirebaseError ? error.code : undefined;
}

/**
 * Every credential failure reads the same, so the form never tells an attacker whether an
 * address has an account. Only throttling and a dead network, which say nothing about the
 * account, get their own words.
 */
export function signInErrorMessage(error: unknown): string {
  switch (errorCode(error)) {
    case "auth/too-many-requests":
      return text.tooManyAttempts;
    case "auth/network-request-failed":
      return text.networkFailed;
    default:
      return text.signInFailed;
  }
}

/** "Address already in use" reads like any other refusal, for the same reason. */
export function signUpErrorMessage(error: unknown): string {
  switch (errorCode(error)) {
    case "auth/weak-password":
    case "auth/password-does-not-meet-requirements":
      return text.weakPassword;
    case "auth/network-request-failed":
      return text.networkFailed;
    default:
      return text.signUpFailed;
  }
}
