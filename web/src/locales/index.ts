import type { Locale } from "@dash2fa/shared";
import { en } from "./en";
import { ka } from "./ka";

export { en, ka };
export type { LocaleMessages } from "./en";

/** Both languages are bundled: they are small, and switching must not wait for a download. */
export const resources = {
  en: { translation: en },
  ka: { translation: ka },
} as const satisfies Record<Locale, { translation: object }>;

/**
 * The tags Intl formats dates, times and country names with, per UI language, best first.
 * A browser without Georgian locale data (some Chromium builds ship a reduced ICU) falls
 * back to en-GB, whose 24-hour clock and day-first dates match Georgian usage, rather
 * than to the browser default (often en-US, with AM/PM).
 */
export const intlLocales = {
  en: ["en-GB"],
  ka: ["ka-GE", "en-GB"],
} as const satisfies Record<Locale, readonly string[]>;
