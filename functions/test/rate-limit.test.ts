import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, MINUTE_MS, sendLimits } from "@dash2fa/shared";
import {
  checkWindow,
  decideRateLimit,
  destinationKey,
  estimateIpSends,
  recordSend,
} from "../src/security/rate-limit.js";

const T0 = 1_800_000_000_000;
const times = (n: number, start: number, gap: number) =>
  Array.from({ length: n }, (_, i) => start + i * gap);

describe("sliding windows", () => {
  it("allows the 5th send in 15 minutes and refuses the 6th until the oldest leaves", () => {
    const four = times(4, T0, MINUTE_MS);
    expect(checkWindow(four, T0 + 5 * MINUTE_MS, sendLimits.perUserShort)).toBeUndefined();
    const five = times(5, T0, MINUTE_MS);
    expect(checkWindow(five, T0 + 5 * MINUTE_MS, sendLimits.perUserShort)).toBe(
      T0 + 15 * MINUTE_MS,
    );
    expect(checkWindow(five, T0 + 15 * MINUTE_MS, sendLimits.perUserShort)).toBeUndefined();
  });

  it("caps a user at 20 a day even when spread out", () => {
    const twenty = times(20, T0, 20 * MINUTE_MS);
    const now = T0 + 20 * 20 * MINUTE_MS;
    expect(decideRateLimit({ user: twenty, destination: [] }, now)).toEqual({
      reason: "rate-limited",
      limit: "user",
      retryAt: T0 + DAY_MS,
    });
  });

  it("caps a destination at 10 a day, whoever asks", () => {
    const ten = times(10, T0, 30 * MINUTE_MS);
    expect(decideRateLimit({ user: [], destination: ten }, T0 + 6 * 60 * MINUTE_MS)).toMatchObject({
      limit: "destination",
    });
    expect(
      decideRateLimit({ user: [], destination: ten.slice(1) }, T0 + 6 * 60 * MINUTE_MS),
    ).toBeUndefined();
  });

  it("never applies the shared destination cap to a code for a destination on file", () => {
    // A sign-in or step-up send carries no shared counter: strangers' sends can't block it.
    expect(decideRateLimit({ user: [] }, T0)).toBeUndefined();
  });

  it("estimates an address's sends over a sliding hour from two hourly buckets", () => {
    const start = T0 - (T0 % HOUR_MS);
    // A quarter into this hour, three quarters of the last hour's sends still count.
    expect(estimateIpSends(20, 10, start + HOUR_MS / 4, start)).toBe(25);
    expect(estimateIpSends(20, 10, start, start)).toBe(30);
    expect(estimateIpSends(20, 10, start + HOUR_MS, start)).toBe(10);
    expect(sendLimits.perIp.windowMs).toBe(HOUR_MS);
  });

  it("keeps only the last day of sends", () => {
    const doc = recordSend([T0 - DAY_MS - 1, T0 - 1000], T0);
    expect(doc.sends).toEqual([T0 - 1000, T0]);
  });
});

describe("destinationKey", () => {
  it("counts an address in any case and with any +tag as one mailbox", () => {
    const owner = destinationKey("email", "owner@example.com");
    for (const alias of ["Owner@Example.COM", "owner+a@example.com", " OWNER+x+y@example.com"]) {
      expect(destinationKey("email", alias)).toBe(owner);
    }
    expect(destinationKey("email", "other@example.com")).not.toBe(owner);
    expect(destinationKey("email", "owner@example.org")).not.toBe(owner);
  });

  it("keeps a local part that is only a tag, and phone numbers as they are", () => {
    expect(destinationKey("email", "+tag@example.com")).toBe("+tag@example.com");
    expect(destinationKey("phone", "+995555123456")).toBe("+995555123456");
  });
});
