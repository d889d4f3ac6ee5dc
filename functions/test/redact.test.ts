import { describe, expect, it } from "vitest";
import { redactedFields } from "../src/hygiene/redact-delivered.js";
import { verificationEmail } from "../src/outbound/email.js";
import { verificationSms } from "../src/outbound/sms.js";

describe("redaction of delivered messages", () => {
  it("removes the code from every part of an email", () => {
    const mail = verificationEmail("m@example.com", "012345");
    const fields = redactedFields(mail as unknown as Record<string, unknown>);
    expect(Object.keys(fields).sort()).toEqual(["message.html", "message.text"]);
    for (const value of Object.values(fields)) expect(value).not.toContain("012345");
    expect(fields["message.text"]).toContain("••••••");
  });

  it("removes the code from the SMS body, WebOTP line included", () => {
    const sms = verificationSms("+995555123456", "987654", "dashboard.example");
    const fields = redactedFields(sms as unknown as Record<string, unknown>);
    expect(fields.body).not.toContain("987654");
    expect(fields.body).toContain("@dashboard.example #••••••");
  });
});

describe("verification SMS", () => {
  it("is short, names the product and ends with the WebOTP line", () => {
    const { to, body } = verificationSms("+995555123456", "000123", "dashboard.example");
    expect(to).toBe("+995555123456");
    expect(body.length).toBeLessThanOrEqual(160);
    expect(body).toContain("Dashboard");
    expect(body.split("\n").at(-1)).toBe("@dashboard.example #000123");
  });
});
