// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { i18n } from "@/lib/i18n";
import {
  formatClockTime,
  formatDateTime,
  formatRetryTime,
  georgianMonths,
  georgianWeekdays,
} from "./format-time";

// Local times, as the page shows them: Sunday 29 November 2026, 09:05.
const sunday = new Date(2026, 10, 29, 9, 5).getTime();

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage("en");
});

describe("dates in Georgian", () => {
  it("name the month in Georgian, day first, with a 24-hour clock", async () => {
    await i18n.changeLanguage("ka");
    expect(formatDateTime(sunday)).toBe("29 ნოემბერი 2026, 09:05");
    expect(formatDateTime(new Date(2027, 0, 3, 18, 40).getTime())).toBe("3 იანვარი 2027, 18:40");
    expect(formatClockTime(sunday)).toBe("09:05");
  });

  it("give every month and weekday its own Georgian name", async () => {
    await i18n.changeLanguage("ka");
    const months = georgianMonths.map((_, month) =>
      formatDateTime(new Date(2026, month, 15, 12, 0).getTime()),
    );
    expect(months).toEqual(georgianMonths.map((name) => `15 ${name} 2026, 12:00`));
    // 29 November 2026 is a Sunday; the next seven days run through the week.
    const days = georgianWeekdays.map((_, offset) =>
      formatRetryTime(new Date(2026, 10, 29 + offset, 9, 30).getTime(), sunday - 86_400_000),
    );
    expect(days).toEqual(georgianWeekdays.map((name) => `${name} 09:30`));
  });

  it("do not depend on the browser having Georgian date data", async () => {
    // What a Chromium build without Georgian ICU data does: ka-GE resolves to English.
    const builtIn = Intl.DateTimeFormat;
    // A constructor's stand-in: `new` gives back the object the function returns.
    const englishOnly = function (_locales?: unknown, options?: Intl.DateTimeFormatOptions) {
      return new builtIn("en-GB", options);
    } as unknown as typeof Intl.DateTimeFormat;
    const spy = vi.spyOn(Intl, "DateTimeFormat").mockImplementation(englishOnly);
    // Fresh modules, so no formatter made before the stand-in is reused.
    vi.resetModules();
    const fresh = await import("./format-time");
    await (await import("@/lib/i18n")).i18n.changeLanguage("ka");
    expect(fresh.formatDateTime(new Date(2026, 4, 12, 14, 5).getTime())).toBe(
      "12 მაისი 2026, 14:05",
    );
    expect(spy).toHaveBeenCalled();
  });

  it("show a time on another day with its Georgian weekday", async () => {
    await i18n.changeLanguage("ka");
    const tuesday = new Date(2026, 11, 1, 9, 30).getTime();
    expect(formatRetryTime(tuesday, sunday)).toBe("სამ 09:30");
    expect(formatRetryTime(sunday + 60_000, sunday)).toBe("09:06");
  });
});

describe("dates in English", () => {
  it("keep the English month and weekday names", async () => {
    await i18n.changeLanguage("en");
    expect(formatDateTime(sunday)).toBe("29 Nov 2026, 09:05");
    expect(formatRetryTime(new Date(2026, 11, 1, 9, 30).getTime(), sunday)).toBe("Tue 09:30");
  });
});
