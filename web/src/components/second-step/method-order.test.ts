import { describe, expect, it } from "vitest";
import {
  methodSuggestion,
  suggestedMethod,
  type SuggestionInput,
  type TwoFactorMethod,
} from "@dash2fa/shared";
import { methodsInOrderOffered, otherMethods } from "./method-order";

function statusWith(...methods: TwoFactorMethod[]): SuggestionInput {
  return {
    methods: Object.fromEntries(
      methods.map((method) => [method, { enabled: true, maskedDestination: "", enabledAt: 1 }]),
    ),
  };
}

describe("methodSuggestion", () => {
  it("suggests the strongest enabled method when nothing was chosen or used", () => {
    expect(methodSuggestion(statusWith("email", "phone"))).toEqual({
      method: "phone",
      why: "strongest",
    });
    expect(suggestedMethod(statusWith("email", "passkey", "totp"))).toBe("passkey");
  });

  it("prefers the method used last over the strongest", () => {
    const status = { ...statusWith("email", "phone", "totp"), lastUsedMethod: "email" as const };
    expect(methodSuggestion(status)).toEqual({ method: "email", why: "last-used" });
  });

  it("prefers the chosen method over the one used last", () => {
    const status = {
      ...statusWith("email", "phone", "totp"),
      lastUsedMethod: "totp" as const,
      preferredMethod: "phone" as const,
    };
    expect(methodSuggestion(status)).toEqual({ method: "phone", why: "preferred" });
  });

  it("ignores a chosen or last-used method that is no longer enabled", () => {
    const status = {
      ...statusWith("email", "phone"),
      lastUsedMethod: "totp" as const,
      preferredMethod: "passkey" as const,
    };
    expect(methodSuggestion(status)).toEqual({ method: "phone", why: "strongest" });
    const offStatus = { ...statusWith("email", "phone"), preferredMethod: "totp" as const };
    offStatus.methods.totp = { enabled: false, maskedDestination: "", enabledAt: 1 };
    expect(suggestedMethod(offStatus)).toBe("phone");
    const lastUsedOff = { ...statusWith("email", "phone"), lastUsedMethod: "email" as const };
    expect(suggestedMethod({ ...lastUsedOff, preferredMethod: "totp" })).toBe("email");
  });

  it("passes over email, chosen or used last, while a reset by email bars it", () => {
    const chosen = {
      ...statusWith("email", "phone", "totp"),
      preferredMethod: "email" as const,
      lastUsedMethod: "phone" as const,
      emailBarredAfterReset: true,
    };
    expect(methodSuggestion(chosen)).toEqual({ method: "phone", why: "last-used" });
    const used = {
      ...statusWith("email", "totp"),
      lastUsedMethod: "email" as const,
      emailBarredAfterReset: true,
    };
    expect(methodSuggestion(used)).toEqual({ method: "totp", why: "strongest" });
  });

  it("still names email when it is the only method, barred or not", () => {
    const status = { ...statusWith("email"), emailBarredAfterReset: true };
    expect(suggestedMethod(status)).toBe("email");
  });

  it("suggests nothing without methods", () => {
    expect(methodSuggestion({ methods: {}, preferredMethod: "email" })).toBeUndefined();
  });
});

describe("methodsInOrderOffered", () => {
  it("lists the enabled methods strongest first, whatever order they were enabled in", () => {
    expect(methodsInOrderOffered(statusWith("email", "passkey", "phone", "totp"))).toEqual([
      "passkey",
      "totp",
      "phone",
      "email",
    ]);
    expect(methodsInOrderOffered(statusWith("email", "totp"))).toEqual(["totp", "email"]);
  });

  it("puts the chosen method first, then the rest strongest first", () => {
    const status = {
      ...statusWith("email", "passkey", "phone", "totp"),
      preferredMethod: "phone" as const,
      lastUsedMethod: "email" as const,
    };
    expect(methodsInOrderOffered(status)).toEqual(["phone", "passkey", "totp", "email"]);
  });

  it("puts the method used last first when none was chosen", () => {
    const status = { ...statusWith("email", "phone", "totp"), lastUsedMethod: "email" as const };
    expect(methodsInOrderOffered(status)).toEqual(["email", "totp", "phone"]);
  });

  it("starts with the method sign-in suggests", () => {
    for (const status of [
      statusWith("email"),
      statusWith("email", "phone"),
      statusWith("phone", "totp"),
      statusWith("email", "passkey"),
      { ...statusWith("email", "passkey"), lastUsedMethod: "email" as const },
      { ...statusWith("phone", "totp"), preferredMethod: "phone" as const },
    ]) {
      expect(methodsInOrderOffered(status)[0]).toBe(suggestedMethod(status));
    }
  });

  it("leaves out a method that is present but off", () => {
    const status = statusWith("email", "totp");
    status.methods.totp = { enabled: false, maskedDestination: "", enabledAt: 1 };
    expect(methodsInOrderOffered(status)).toEqual(["email"]);
  });

  it("is empty without methods", () => {
    expect(methodsInOrderOffered({ methods: {} })).toEqual([]);
  });
});

describe("otherMethods", () => {
  it("offers every enabled method except the current one, strongest first", () => {
    const status = statusWith("email", "phone", "totp", "passkey");
    expect(otherMethods(status, "totp")).toEqual(["passkey", "phone", "email"]);
    expect(otherMethods(status, "passkey")).toEqual(["totp", "phone", "email"]);
  });

  it("keeps the chosen method first when another is on screen", () => {
    const status = { ...statusWith("email", "phone", "totp"), preferredMethod: "email" as const };
    expect(otherMethods(status, "totp")).toEqual(["email", "phone"]);
  });

  it("offers nothing when the current method is the only one", () => {
    expect(otherMethods(statusWith("email"), "email")).toEqual([]);
  });

  it("offers everything enabled when no method is current", () => {
    expect(otherMethods(statusWith("phone", "email"), undefined)).toEqual(["phone", "email"]);
  });
});
