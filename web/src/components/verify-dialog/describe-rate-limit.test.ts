// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS, sendLimits, type RefusalDetails } from "@dash2fa/shared";
import { i18n } from "@/lib/i18n";
import { describeRateLimit, refusedWindow } from "./describe-rate-limit";
import { describeRefusal } from "./describe-refusal";

// 16:30 local time on a Tuesday, so a retry later that day reads as a bare clock time.
const now = new Date(2026, 4, 12, 16, 30).getTime();
const refused = (limit: RefusalDetails["limit"], retryAt: number): RefusalDetails => ({
  reason: "rate-limited",
  limit,
  retryAt,
});
const inProduction = { now, emulators: false };

beforeEach(async () => {
  await i18n.changeLanguage("en");
});
afterEach(async () => {
  await i18n.changeLanguage("en");
});

describe("which window refused", () => {
  it("is the account's short one when the retry is within it, else its daily one", () => {
    expect(refusedWindow("user", now + 15 * MINUTE_MS, now)).toBe(sendLimits.perUserShort);
    expect(refusedWindow("user", now + 3 * MINUTE_MS, now)).toBe(sendLimits.perUserShort);
    expect(refusedWindow("user", now + 15 * MINUTE_MS + 1, now)).toBe(sendLimits.perUserDaily);
    expect(refusedWindow("user", now + 20 * HOUR_MS, now)).toBe(sendLimits.perUserDaily);
  });

  it("is the only window of a destination and of a network", () => {
    expect(refusedWindow("destination", now + HOUR_MS, now)).toBe(sendLimits.perDestinationDaily);
    expect(refusedWindow("ip", now + MINUTE_MS, now)).toBe(sendLimits.perIp);
  });
});

describe("a refused send", () => {
  it("names the account's limit, its window and the time", () => {
    expect(describeRateLimit(refused("user", now + 15 * MINUTE_MS), inProduction)).toBe(
      "You've asked for 5 codes in 15 minutes for this account. Try again at 16:45.",
    );
    expect(describeRateLimit(refused("user", now + 3 * HOUR_MS), inProduction)).toBe(
      "You've asked for 20 codes in 24 hours for this account. Try again at 19:30.",
    );
  });

  it("names the destination when the method is known", () => {
    const failure = refused("destination", now + 2 * HOUR_MS);
    expect(describeRateLimit(failure, { ...inProduction, method: "email" })).toBe(
      "10 codes have been sent to this email address in 24 hours, the most it may get. Try again at 18:30.",
    );
    expect(describeRateLimit(failure, { ...inProduction, method: "phone" })).toMatch(
      /^10 codes have been sent to this phone number in 24 hours/,
    );
    expect(describeRateLimit(failure, inProduction)).toMatch(
      /^10 codes have been sent to this email address or phone number in 24 hours/,
    );
  });

  it("names the network, whose limit reset links share", () => {
    expect(describeRateLimit(refused("ip", now + 30 * MINUTE_MS), inProduction)).toBe(
      "30 codes and reset links have been requested from this network in an hour. Try again at 17:00.",
    );
  });

  it("gives the day as well when the limit ends on another day", () => {
    const tomorrow = now + DAY_MS - 30 * MINUTE_MS;
    expect(describeRateLimit(refused("user", tomorrow), inProduction)).toBe(
      "You've asked for 20 codes in 24 hours for this account. Try again at Wed 16:00.",
    );
  });

  it("points to the development outbox's reset only against the emulators", () => {
    const failure = refused("ip", now + 30 * MINUTE_MS);
    expect(describeRateLimit(failure, { now, emulators: true })).toBe(
      "30 codes and reset links have been requested from this network in an hour. Try again at 17:00. Testing with the emulators? The Development outbox page (/dev/outbox) can reset the sending limits.",
    );
    expect(describeRateLimit(failure, inProduction)).not.toContain("emulators");
  });

  it("leaves a refusal that does not say which limit, or until when, to the general sentence", () => {
    expect(
      describeRateLimit({ reason: "rate-limited", retryAt: now + MINUTE_MS }, inProduction),
    ).toBeUndefined();
    expect(
      describeRateLimit({ reason: "rate-limited", limit: "user" }, inProduction),
    ).toBeUndefined();
  });

  it("is worded in Georgian too", async () => {
    await i18n.changeLanguage("ka");
    expect(describeRateLimit(refused("user", now + 15 * MINUTE_MS), inProduction)).toBe(
      "ამ ანგარიშისთვის 15 წუთში უკვე მოითხოვეთ 5 კოდი. სცადეთ ხელახლა 16:45-ზე.",
    );
    expect(describeRateLimit(refused("ip", now + 30 * MINUTE_MS), inProduction)).toContain(
      "ამ ქსელიდან ერთ საათში უკვე მოთხოვნილია 30 კოდი",
    );
    expect(
      describeRateLimit(refused("destination", now + HOUR_MS), {
        ...inProduction,
        method: "phone",
      }),
    ).toMatch(/^ამ ტელეფონის ნომერზე 24 საათში უკვე გაიგზავნა 10 კოდი/);
  });
});

describe("describeRefusal", () => {
  it("words a refusal that names its limit by that limit", () => {
    const retryAt = Date.now() + 10 * MINUTE_MS;
    expect(describeRefusal(refused("user", retryAt))).toMatch(
      /^You've asked for 5 codes in 15 minutes for this account\. Try again at /,
    );
  });

  it("keeps the general sentence for a refusal that does not", () => {
    expect(describeRefusal({ reason: "rate-limited" })).toBe(
      "Too many codes requested. Try again later.",
    );
  });
});
