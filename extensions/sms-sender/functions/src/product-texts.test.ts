/**
 * Every text the product sends by SMS must cost one segment, the WebOTP line included,
 * in every language: a second segment doubles the price of every code and can arrive
 * out of order, which breaks the browser's one-time-code autofill.
 */
import { describe, expect, it } from "vitest";
import { supportedLocales } from "@dash2fa/shared";
import { verificationSms } from "../../../../functions/src/outbound/sms.js";
import { smsSegments } from "./segments.js";

/** A realistic production host, longer than most. */
const HOST = "security.dashboard-example.com";
const CODE = "042917";

describe.each(supportedLocales)("the %s verification SMS", (locale) => {
  const { body } = verificationSms("+995555123456", CODE, HOST, locale);

  it("ends with the WebOTP line", () => {
    expect(body.split("\n").at(-1)).toBe(`@${HOST} #${CODE}`);
  });

  it("fits one segment", () => {
    const count = smsSegments(body);
    expect(count, `${count.encoding}, ${count.units} units`).toMatchObject({ segments: 1 });
  });
});

describe("the Georgian verification SMS", () => {
  it("is UCS-2 because of its Georgian letters, so its limit is 70", () => {
    const { body } = verificationSms("+995555123456", CODE, HOST, "ka");
    expect(smsSegments(body).encoding).toBe("UCS-2");
  });
});

describe("the English verification SMS", () => {
  it("stays GSM-7, so its limit is 160", () => {
    const { body } = verificationSms("+995555123456", CODE, HOST, "en");
    expect(smsSegments(body).encoding).toBe("GSM-7");
  });
});
