/**
 * What went wrong in the browser's own passkey prompt, as the UI tells it apart. Kept free
 * of app imports so it can be tested on its own.
 *
 * - `cancelled`: the prompt was closed, timed out, or no key answered (`NotAllowedError`;
 *   browsers deliberately do not say which, so nobody can probe for registered keys).
 * - `already-registered`: this authenticator already holds a key for the account.
 * - `unsupported`: this browser has no WebAuthn.
 * - `failed`: anything else the browser or the authenticator refused.
 */
export type WebAuthnProblem = "cancelled" | "already-registered" | "unsupported" | "failed";

/** SimpleWebAuthn's message when `PublicKeyCredential` is missing. */
const UNSUPPORTED_MESSAGE = "WebAuthn is not supported in this browser";

/**
 * The problem behind an error from `startRegistration` / `startAuthentication`, or
 * `undefined` when the error did not come from the browser prompt (a refused callable,
 * a network failure), which the caller describes its own way. SimpleWebAuthn wraps the
 * browser's `DOMException` in a `WebAuthnError` that keeps its `name` and `code`.
 */
export function classifyWebAuthnError(error: unknown): WebAuthnProblem | undefined {
  if (!(error instanceof Error)) return undefined;
  const code = (error as { code?: unknown }).code;
  if (code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED" || error.name === "InvalidStateError") {
    return "already-registered";
  }
  if (error.name === "NotAllowedError" || error.name === "AbortError") return "cancelled";
  if (error.message === UNSUPPORTED_MESSAGE) return "unsupported";
  if (typeof code === "string" && code.startsWith("ERROR_")) return "failed";
  if (
    ["SecurityError", "NotSupportedError", "ConstraintError", "UnknownError"].includes(error.name)
  ) {
    return "failed";
  }
  return undefined;
}

/** Whether this browser can ask for a passkey at all. */
export function browserSupportsPasskeys(): boolean {
  return typeof window !== "undefined" && typeof window.PublicKeyCredential === "function";
}
