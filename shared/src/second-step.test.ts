import { describe, expect, it } from "vitest";
import { enabledMethods, passedSecondStep } from "./second-step.js";

describe("passedSecondStep", () => {
  const required = { required: true, sessionsValidAfter: 1_800_000_000 };

  it("lets any session of a user without 2FA through", () => {
    expect(passedSecondStep({ required: false, sessionsValidAfter: 0 }, {})).toBe(true);
  });

  it("needs a session issued at or after the last 2FA change", () => {
    expect(passedSecondStep(required, { sessionAt: 1_800_000_000 })).toBe(true);
    expect(passedSecondStep(required, { sessionAt: 1_799_999_999 })).toBe(false);
  });

  it("never lets a password-only session through, even when no change was recorded", () => {
    expect(passedSecondStep(required, {})).toBe(false);
    expect(passedSecondStep({ required: true, sessionsValidAfter: 0 }, {})).toBe(false);
  });
});

describe("enabledMethods", () => {
  it("lists enabled methods in display order", () => {
    const on = { enabled: true, maskedDestination: "x", enabledAt: 0 };
    expect(enabledMethods({ methods: { phone: on, email: on } })).toEqual(["email", "phone"]);
    expect(enabledMethods({ methods: { phone: { ...on, enabled: false } } })).toEqual([]);
  });
});
