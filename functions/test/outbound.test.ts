import { describe, expect, it } from "vitest";
import { product, supportedLocales } from "@dash2fa/shared";
import { noticeEmail, verificationEmail } from "../src/outbound/email.js";
import { verificationSms } from "../src/outbound/sms.js";
import { texts } from "../src/outbound/texts.js";

describe.each(supportedLocales)("messages in %s", (locale) => {
  const t = texts[locale];

  it("put the code, its expiry and the wasn't-you guidance in both text and HTML", () => {
    const { message } = verificationEmail("m@example.com", "042917", locale);
    for (const part of [message.text, message.html]) {
      expect(part).toContain("042917");
      expect(part).toContain(locale === "en" ? "10 minutes" : "10 წუთის");
      expect(part).toContain(t.wasntYou.slice(-25));
    }
    expect(message.html).toContain(`lang="${locale}"`);
    expect(message.html).toContain(product.colors.accent);
    expect(message.subject).toContain(t.productName);
  });

  it("escape what they show in HTML", () => {
    const { message } = verificationEmail("m@example.com", "<b>1</b>", locale);
    expect(message.html).not.toContain("<b>1</b>");
  });

  it("fit a text in one SMS segment with the WebOTP line last", () => {
    const { body } = verificationSms("+995555123456", "042917", "dashboard.example", locale);
    // Georgian forces UCS-2, where one segment holds 70 characters; GSM-7 holds 160.
    expect(body.length).toBeLessThanOrEqual(locale === "ka" ? 70 : 160);
    expect(body).toContain(t.productName);
    expect(body.split("\n").at(-1)).toBe("@dashboard.example #042917");
  });

  const securityPage = "https://dashboard.example/security";

  it.each(Object.keys(texts.en.notices) as (keyof typeof texts.en.notices)[])(
    "word the %s notice with what, when, what to do and where",
    (kind) => {
      const { message } = noticeEmail(
        "m@example.com",
        kind,
        "DETAIL",
        Date.UTC(2026, 10, 28, 9, 5),
        locale,
        securityPage,
      );
      expect(message.subject).toContain(t.notices[kind].subject);
      expect(message.text).toContain("DETAIL");
      expect(message.text).toContain("2026");
      expect(message.text).toContain("09:05");
      expect(message.text).toContain(t.wasntYou);
      expect(message.text).toContain(t.securityPage(securityPage));
      expect(message.html).toContain(`<a href="${securityPage}"`);
    },
  );

  it("make the Security page's address a link, escaped like everything else", () => {
    const url = "https://dashboard.example/security?a=1&b=<2>";
    const { message } = noticeEmail("m@example.com", "method-enabled", "x", 0, locale, url);
    expect(message.text).toContain(t.securityPage(url));
    expect(message.html).toContain(
      `<a href="https://dashboard.example/security?a=1&#38;b=&#60;2&#62;"`,
    );
    expect(message.html).not.toContain("<2>");
  });

  it("say which method went and which still protect the account", () => {
    const sentence = t.methodRemoved(
      t.methodNames.email,
      t.list([t.methodNames.totp, t.methodNames.phone]),
    );
    expect(sentence).toContain(t.methodNames.email);
    expect(sentence).toContain(`${t.methodNames.totp} ${locale === "en" ? "and" : "და"} `);
    expect(sentence).toContain(t.methodNames.phone);
    const { message } = noticeEmail("m@example.com", "method-removed", sentence, 0, locale, "u");
    expect(message.text.split("\n\n")[0]).toBe(sentence);
  });
});

describe("the Georgian texts", () => {
  it("differ from the English ones everywhere they are words", () => {
    expect(texts.ka.wasntYou).not.toBe(texts.en.wasntYou);
    expect(texts.ka.code.subject).not.toBe(texts.en.code.subject);
    for (const kind of Object.keys(texts.en.notices) as (keyof typeof texts.en.notices)[]) {
      expect(texts.ka.notices[kind].subject).toMatch(/[\u10D0-\u10FF]/);
    }
  });
});
