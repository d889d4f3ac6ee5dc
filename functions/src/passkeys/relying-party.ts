import { product } from "@dash2fa/shared";
import { isEmulator, webHost } from "../runtime.js";

/**
 * The relying party is the web app's host: a passkey registered here answers only pages
 * served from it, which is what makes it phishing-resistant.
 */
export function relyingParty() {
  return { rpID: webHost.value(), rpName: product.name };
}

/**
 * The origin the browser reported, if it is one of ours: `https://<host>` in production;
 * in the emulator also `http://localhost:<port>` (browsers treat localhost as secure).
 * Returning the reported origin lets SimpleWebAuthn check it against the signed data.
 */
export function acceptedOrigin(clientDataJSON: string, rpID: string): string | undefined {
  let origin: unknown;
  try {
    origin = (
      JSON.parse(Buffer.from(clientDataJSON, "base64url").toString("utf8")) as {
        origin?: unknown;
      }
    ).origin;
  } catch {
    return undefined;
  }
  if (typeof origin !== "string") return undefined;
  if (origin === `https://${rpID}`) return origin;
  const local = rpID === "localhost" && /^https?:\/\/localhost(:\d{1,5})?$/.test(origin);
  return local && isEmulator() ? origin : undefined;
}
