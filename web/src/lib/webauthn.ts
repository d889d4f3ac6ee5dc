import type {
  AuthenticationResponseJSON,
  PublicKeyCredentialCreationOptionsJSON,
  PublicKeyCredentialRequestOptionsJSON,
  RegistrationResponseJSON,
} from "@simplewebauthn/browser";
import type { WebAuthnOptionsJSON } from "@dash2fa/shared";

// The browser side of WebAuthn is loaded only when a passkey is actually used: most
// visits never open a passkey prompt, so it stays out of the first load.
const loadWebAuthn = () => import("@simplewebauthn/browser");

/**
 * Opens the browser's prompt to create a passkey (or register a security key) with the
 * options the server generated. Rejects with the browser's error (see
 * `classifyWebAuthnError`) when the prompt is cancelled or refused.
 */
export async function createPasskey(
  options: WebAuthnOptionsJSON,
): Promise<RegistrationResponseJSON> {
  const { startRegistration } = await loadWebAuthn();
  // The server produced these with SimpleWebAuthn itself; the shape is its own.
  return startRegistration({
    optionsJSON: options as unknown as PublicKeyCredentialCreationOptionsJSON,
  });
}

/** Opens the browser's prompt to answer the server's challenge with a registered key. */
export async function answerWithPasskey(
  options: WebAuthnOptionsJSON,
): Promise<AuthenticationResponseJSON> {
  const { startAuthentication } = await loadWebAuthn();
  return startAuthentication({
    optionsJSON: options as unknown as PublicKeyCredentialRequestOptionsJSON,
  });
}
