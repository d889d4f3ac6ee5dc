import { describe, expect, it } from "vitest";
import { classifyWebAuthnError } from "./webauthn-error";

/** What SimpleWebAuthn throws: an Error carrying the browser's name and its own code. */
function webAuthnError(name: string, code?: string, message = "") {
  const error = new Error(message);
  error.name = name;
  if (code) Object.assign(error, { code });
  return error;
}

describe("classifyWebAuthnError", () => {
  it("treats a closed or timed-out prompt as cancelled", () => {
    expect(
      classifyWebAuthnError(
        webAuthnError("NotAllowedError", "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY"),
      ),
    ).toBe("cancelled");
    expect(classifyWebAuthnError(new DOMException("timed out", "NotAllowedError"))).toBe(
      "cancelled",
    );
  });

  it("recognises a key that is already registered", () => {
    expect(
      classifyWebAuthnError(
        webAuthnError("InvalidStateError", "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED"),
      ),
    ).toBe("already-registered");
  });

  it("recognises a browser without WebAuthn", () => {
    expect(classifyWebAuthnError(new Error("WebAuthn is not supported in this browser"))).toBe(
      "unsupported",
    );
  });

  it("reports other prompt failures as failed", () => {
    expect(classifyWebAuthnError(webAuthnError("SecurityError", "ERROR_INVALID_RP_ID"))).toBe(
      "failed",
    );
    expect(classifyWebAuthnError(webAuthnError("UnknownError"))).toBe("failed");
  });

  it("leaves errors that did not come from the prompt to the caller", () => {
    expect(classifyWebAuthnError(new Error("internal"))).toBeUndefined();
    expect(classifyWebAuthnError("NotAllowedError")).toBeUndefined();
    expect(classifyWebAuthnError(undefined)).toBeUndefined();
  });
});
