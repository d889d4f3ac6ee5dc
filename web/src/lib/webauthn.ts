import type {
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
} from "@simplewebauthn/browser";
import type { WebAuthnOptionsJSON } from "@dash2fa/shared";
import type { CallableInput } from "@dash2fa/shared/contract";

// The browser side of WebAuthn is loaded only when a passkey is actually used: most
// visits never open a passkey prompt, so it stays out of the first load.
const loadWebAuthn = () => import("@simplewebauthn/browser");

/** What `finishPasskeyRegistration` takes as the browser's answer. */
export type RegistrationAnswer = CallableInput<"finishPasskeyRegistration">["response"];
/** What `finishPasskeyVerification` takes as the browser's answer. */
export type AuthenticationAnswer = CallableInput<"finishPasskeyVerification">["response"];

/**
 * Opens the browser's prompt to create a passkey (or register a security key) with the
 * options the server generated. Rejects with the browser's error (see
 * `classifyWebAuthnError`) when the prompt is cancelled or refused.
 */
export async function createPasskey(options: WebAuthnOptionsJSON): Promise<RegistrationAnswer> {
  const { startRegistration } = await loadWebAuthn();
  // The server produced these with SimpleWebAuthn itself; the shape is its own.
  const response = await startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
  // Copied so its type is a plain record, as the contract's schema reads it.
  return { ...response, clientExtensionResults: { ...response.clientExtensionResults } };
}

/** Opens the browser's prompt to answer the server's challenge with a registered key. */
export async function answerWithPasskey(
  options: WebAuthnOptionsJSON,
): Promise<AuthenticationAnswer> {
  const { startAuthentication } = await loadWebAuthn();
  const response = await startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
  return { ...response, clientExtensionResults: { ...response.clientExtensionResults } };
}
