import { describe, expect, it } from "vitest";
import { glossaryProblems } from "@dash2fa/shared/georgian-glossary";
import { noticeEmail, verificationEmail } from "../src/outbound/email.js";
import { verificationSms } from "../src/outbound/sms.js";
import { formatWhen, texts } from "../src/outbound/texts.js";

/** Every Georgian string the functions send, functions called with a stand-in. */
function georgianStrings(value: unknown, path: string): [string, string][] {
  if (typeof value === "string") return [[path, value]];
  if (typeof value === "function") {
    const filled: unknown =
      path === "list" ? (value as (items: string[]) => string)(["ა", "ბ"]) : value("X", "Y");
    return georgianStrings(filled, path);
  }
  if (typeof value === "number") return [];
  return Object.entries(value as object).flatMap(([key, nested]) =>
    georgianStrings(nested, path ? `${path}.${key}` : key),
  );
}

const at = Date.UTC(2026, 10, 29, 9, 5);
const securityPage = "https://dashboard.example/security";

describe("the Georgian emails and texts", () => {
  it("keep to the glossary (docs/GEORGIAN-GLOSSARY.md)", () => {
    const strings = georgianStrings(texts.ka, "");
    expect(strings.length).toBeGreaterThan(30);
    expect(strings.flatMap(([path, text]) => glossaryProblems(path, text))).toEqual([]);
  });

  it("say what the glossary asks, where the web app says it too", () => {
    expect(texts.ka.productName).toBe("მართვის პანელი");
    expect(texts.ka.methodNames.email).toBe("ელფოსტით");
    expect(texts.ka.methodNames.totp).toBe("ავტორიზაციის აპლიკაციით");
    expect(texts.ka.wasntYou).toContain("შესაძლოა ვინმემ იცოდეს თქვენი პაროლი");
  });

  it("write dates as the web app does, with Georgian month names", () => {
    expect(formatWhen(at, "ka")).toBe("29 ნოემბერი 2026, 09:05 UTC");
    expect(formatWhen(Date.UTC(2027, 0, 3, 18, 40), "ka")).toBe("3 იანვარი 2027, 18:40 UTC");
    expect(formatWhen(at, "en")).toBe("29 November 2026 at 09:05 UTC");
  });

  it("name the product in Georgian in the header, the subject and the text message", () => {
    const notice = noticeEmail("m@example.com", "method-enabled", "x", at, "ka", securityPage);
    expect(notice.message.subject).toBe("მართვის პანელი: ორმაგი ავტორიზაცია ჩაირთო");
    expect(notice.message.html).toContain(">მართვის პანელი</p>");
    expect(notice.message.html).not.toContain("Dashboard");
    expect(notice.message.text).toContain("დრო: 29 ნოემბერი 2026, 09:05 UTC.");

    const code = verificationEmail("m@example.com", "042917", "ka").message;
    expect(code.subject).toBe("მართვის პანელი — დამადასტურებელი კოდი");
    expect(code.text).not.toContain("Dashboard");

    const sms = verificationSms("+995555123456", "042917", "dashboard.example", "ka");
    expect(sms.body.split("\n")[0]).toBe("მართვის პანელის კოდი: 042917");
  });

  it("leave the English ones with the product's own name", () => {
    const notice = noticeEmail("m@example.com", "method-enabled", "x", at, "en", securityPage);
    expect(notice.message.subject).toBe("Dashboard: Two-factor authentication was turned on");
    expect(notice.message.html).toContain(">Dashboard</p>");
  });
});
