import type { Locale } from "@dash2fa/shared";
import { en, type LocaleMessages } from "./en";

export { en };
export type { LocaleMessages } from "./en";

/**
 * English, the default and the fallback, is in the app's first download; Georgian is a
 * chunk of its own, fetched before the first render when it is the page's language, or
 * when someone switches to it, so English pages do not carry it.
 */
export const bundledMessages = { en } as const;

/**
 * Each language's own name, for the switcher, whichever languages are loaded. The same as
 * its `language.name` (locales.test.ts checks).
 */
export const localeNames = { en: "English", ka: "ქართული" } as const satisfies Record<
  Locale,
  string
>;

export const lazyMessages: Record<Exclude<Locale, "en">, () => Promise<LocaleMessages>> = {
  ka: () => import("./ka").then((module) => module.ka),
};

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
