// @vitest-environment happy-dom
import { beforeAll, describe, expect, it } from "vitest";
import { i18n } from "@/lib/i18n";
import {
  methodDisabledMessage,
  methodEnabledMessage,
  passkeyAddedMessage,
  passkeyRemovedMessage,
} from "./method-messages";

const en = i18n.getFixedT("en");
const ka = i18n.getFixedT("ka");

// Georgian is a chunk of its own, fetched when first needed.
beforeAll(() => i18n.loadLanguages("ka"));

describe("the message after a method is on", () => {
  it("keeps the activation sentence, in both languages, for the method that turned 2FA on", () => {
    expect(methodEnabledMessage(en, "phone", true)).toBe(
      "Two-factor authentication has been successfully activated.",
    );
    expect(methodEnabledMessage(ka, "phone", true)).toBe(
      "ორმაგი ავტორიზაცია წარმატებით გააქტიურდა.",
    );
  });

  it("names a method added to 2FA already on", () => {
    expect(methodEnabledMessage(en, "phone", false)).toBe(
      "Phone number has been added. You can now use it for the second step when you sign in.",
    );
    expect(methodEnabledMessage(ka, "phone", false)).toMatch(/^ტელეფონის ნომერი დაემატა\./);
  });

  it("names a key, after the activation sentence only when it turned 2FA on", () => {
    expect(passkeyAddedMessage(en, "Work laptop", false)).toBe("“Work laptop” has been added.");
    expect(passkeyAddedMessage(en, "Work laptop", true)).toBe(
      "Two-factor authentication has been successfully activated. “Work laptop” has been added.",
    );
  });
});

describe("the message after a method is off", () => {
  it("lists the methods still on, in the page's language", () => {
    expect(methodDisabledMessage(en, "phone", ["email", "passkey"])).toBe(
      "Phone number has been disabled. Your account is still protected by two-factor authentication. Still on: Email, Passkeys and security keys.",
    );
    expect(methodDisabledMessage(ka, "phone", ["email"])).toBe(
      "ტელეფონის ნომერი გამოირთო. თქვენი ანგარიში კვლავ დაცულია ორმაგი ავტორიზაციით. ჩართული რჩება: ელფოსტა.",
    );
  });

  it("says 2FA is off when nothing remains", () => {
    expect(methodDisabledMessage(en, "email", [])).toBe(
      "Email has been disabled. Two-factor authentication is now off.",
    );
  });

  it("says what a removed key leaves: nothing more while keys remain, else the methods on", () => {
    expect(passkeyRemovedMessage(en, "Blue key", 1, [])).toBe("“Blue key” has been removed.");
    expect(passkeyRemovedMessage(en, "Blue key", 0, ["totp"])).toBe(
      "“Blue key” has been removed. Your account is still protected by two-factor authentication. Still on: Authenticator app.",
    );
    expect(passkeyRemovedMessage(en, "Blue key", 0, [])).toBe(
      "“Blue key” has been removed. Two-factor authentication is now off.",
    );
  });
});
