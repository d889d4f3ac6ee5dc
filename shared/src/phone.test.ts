import { describe, expect, it } from "vitest";
import { maskPhone, normalizePhone } from "./phone.js";
import { phoneNumberSchema, sendVerificationCodeInputSchema } from "./phone-schemas.js";

describe("normalizePhone", () => {
  it.each([
    "555 12 34 56",
    "555-12-34-56",
    "555123456",
    "+995 555 12 34 56",
    "995555123456",
    "995 555 123 456",
    "+995-555-123-456",
  ])("reads %j as +995555123456", (raw) => {
    expect(normalizePhone(raw)).toEqual({ ok: true, e164: "+995555123456", country: "GE" });
  });

  it("refuses a Georgian landline", () => {
    expect(normalizePhone("0322 12 34 56")).toMatchObject({ ok: false });
    expect(normalizePhone("+995 322 12 34 56")).toMatchObject({ ok: false });
  });

  it("refuses countries off the allow-list, but accepts them when configured", () => {
    expect(normalizePhone("+1 415 555 0123")).toEqual({
      ok: false,
      problem: "country-not-allowed",
    });
    expect(normalizePhone("+1 415 555 0123", "GE", ["GE", "US"])).toMatchObject({ ok: true });
  });

  it.each(["", "abc", "+", "12", "5".repeat(30)])("refuses %j", (raw) => {
    expect(normalizePhone(raw).ok).toBe(false);
  });
});

describe("maskPhone", () => {
  it("shows the country, the first and the last two digits", () => {
    expect(maskPhone("+995555123456")).toBe("+995 5•• ••• •56");
  });
});

describe("phone send input", () => {
  it("normalises the destination on both sides", () => {
    expect(
      sendVerificationCodeInputSchema.parse({
        purpose: "enroll",
        method: "phone",
        destination: "995 555 12 34 56",
      }),
    ).toEqual({ purpose: "enroll", method: "phone", destination: "+995555123456" });
    expect(phoneNumberSchema.safeParse("+995 322 12 34 56").success).toBe(false);
  });

  it("never takes a destination for sign-in or step-up codes", () => {
    expect(
      sendVerificationCodeInputSchema.safeParse({
        purpose: "sign-in",
        method: "phone",
        destination: "+995555123456",
      }).success,
    ).toBe(false);
    expect(
      sendVerificationCodeInputSchema.safeParse({ purpose: "step-up", method: "email" }).success,
    ).toBe(true);
  });
});
