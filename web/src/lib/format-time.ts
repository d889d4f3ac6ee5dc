import { currentIntlLocales, currentLocale, i18n } from "@/lib/i18n";

// Dates and times follow the UI language (ka-GE, en-GB), so a Georgian page never shows an
// English month name. Formatters are cached per locale and options, as they are costly.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locales: string[], options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locales.join()} ${JSON.stringify(options)}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(locales, options);
    formatters.set(key, cached);
  }
  return cached;
}

/** Month names as Georgian writes them in dates ("29 ნოემბერი"), January first. */
export const georgianMonths = [
  "იანვარი",
  "თებერვალი",
  "მარტი",
  "აპრილი",
  "მაისი",
  "ივნისი",
  "ივლისი",
  "აგვისტო",
  "სექტემბერი",
  "ოქტომბერი",
  "ნოემბერი",
  "დეკემბერი",
] as const;

/** Short weekday names, Sunday first as `Date.getDay()` counts. */
export const georgianWeekdays = ["კვი", "ორშ", "სამ", "ოთხ", "ხუთ", "პარ", "შაბ"] as const;

/**
 * Georgian dates are written here rather than left to the browser: some Chromium builds
 * ship ICU data without Georgian, and fall back to English month names ("29 Nov 2026").
 * The British layout (day first, 24-hour clock) is Georgian's too, so its parts are
 * kept and only the month and weekday words are replaced: "29 ნოემბერი 2026, 09:05",
 * the same words the emails use.
 */
function formatGeorgian(options: Intl.DateTimeFormatOptions, epochMs: number): string {
  const date = new Date(epochMs);
  return formatter(["en-GB"], options)
    .formatToParts(epochMs)
    .map((part) => {
      if (part.type === "month") return georgianMonths[date.getMonth()];
      if (part.type === "weekday") return georgianWeekdays[date.getDay()];
      return part.value;
    })
    .join("");
}

function format(options: Intl.DateTimeFormatOptions, epochMs: number): string {
  if (currentLocale() === "ka") return formatGeorgian(options, epochMs);
  return formatter(currentIntlLocales(), options).format(epochMs);
}

const clockTime: Intl.DateTimeFormatOptions = { hour: "2-digit", minute: "2-digit" };
const clockTimeWithSeconds: Intl.DateTimeFormatOptions = { ...clockTime, second: "2-digit" };
const dateTime: Intl.DateTimeFormatOptions = { dateStyle: "medium", timeStyle: "short" };
const dayAndTime: Intl.DateTimeFormatOptions = { weekday: "short", ...clockTime };

/** Epoch milliseconds → "14:05" (or the locale's equivalent). */
export function formatClockTime(epochMs: number): string {
  return format(clockTime, epochMs);
}

/** Epoch milliseconds → "14:05:30" (or the locale's equivalent). */
export function formatClockTimeWithSeconds(epochMs: number): string {
  return format(clockTimeWithSeconds, epochMs);
}

/** Whole seconds from `now` until `epochMs`, never negative; rounded up so "0 s" means ready. */
export function secondsUntil(epochMs: number, now: number): number {
  return Math.max(0, Math.ceil((epochMs - now) / 1000));
}

/** Epoch milliseconds → "12 May 2026, 14:05" (Georgian: "12 მაისი 2026, 14:05"). */
export function formatDateTime(epochMs: number): string {
  return format(dateTime, epochMs);
}

/** For `<time dateTime>`: the machine-readable form of the same instant. */
export function isoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * A retry time: "14:05" today, "Tue 09:30" ("სამ 09:30") on another day (locks and daily limits can
 * end tomorrow, where a bare clock time would mislead).
 */
export function formatRetryTime(epochMs: number, now = Date.now()): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return sameDay ? formatClockTime(epochMs) : format(dayAndTime, epochMs);
}

/** Durations as people read them: "42 s", "90 s", "8 min 5 s" (in the UI language). */
export function formatDuration(totalSeconds: number): string {
  if (totalSeconds < 120) return i18n.t("duration.seconds", { seconds: String(totalSeconds) });
  const minutes = String(Math.floor(totalSeconds / 60));
  const seconds = String(totalSeconds % 60);
  return seconds === "0"
    ? i18n.t("duration.minutes", { minutes })
    : i18n.t("duration.minutesSeconds", { minutes, seconds });
}
