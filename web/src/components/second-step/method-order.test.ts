import { describe, expect, it } from "vitest";
import { suggestedMethod, type TwoFactorMethod, type TwoFactorStatusDoc } from "@dash2fa/shared";
import { methodsInOrderOffered, otherMethods } from "./method-order";

function statusWith(...methods: TwoFactorMethod[]): Pick<TwoFactorStatusDoc, "methods"> {
  return {
    methods: Object.fromEntries(
      methods.map((method) => [method, { enabled: true, maskedDestination: "", enabledAt: 1 }]),
    ),
  };
}

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

  it("starts with the method sign-in suggests", () => {
    for (const status of [
      statusWith("email"),
      statusWith("email", "phone"),
      statusWith("phone", "totp"),
      statusWith("email", "passkey"),
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

  it("offers nothing when the current method is the only one", () => {
    expect(otherMethods(statusWith("email"), "email")).toEqual([]);
  });

  it("offers everything enabled when no method is current", () => {
    expect(otherMethods(statusWith("phone", "email"), undefined)).toEqual(["phone", "email"]);
  });
});
