import { createInstance } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { defaultLocale, localeSchema, supportedLocales, type Locale } from "@dash2fa/shared";
import { en, intlLocales, resources } from "@/locales";

declare module "i18next" {
  interface CustomTypeOptions {
    defaultNS: "translation";
    resources: { translation: typeof en };
  }
}

/**
 * The language chosen on this browser. It stays after signing in; the account's language
 * (`users/{uid}`) is the one its emails and texts use (see account-locale.ts).
 */
export const LOCALE_STORAGE_KEY = "dash2fa.locale";

function storage(): Storage | undefined {
  try {
    return window.localStorage;
  } catch {
    // Storage disabled (privacy settings): the choice lasts until the tab closes.
    return undefined;
  }
}

function storedLocale(): Locale | undefined {
  const parsed = localeSchema.safeParse(storage()?.getItem(LOCALE_STORAGE_KEY));
  return parsed.success ? parsed.data : undefined;
}

/**
 * The browser's first preferred language that the app speaks: ["ka-GE", "en"] and
 * ["ru", "ka"] give Georgian, ["en-US", "ka"] English.
 */
function browserLocale(): Locale | undefined {
  const preferred = navigator.languages.length > 0 ? navigator.languages : [navigator.language];
  for (const tag of preferred) {
    const parsed = localeSchema.safeParse(tag.toLowerCase().split("-")[0]);
    if (parsed.success) return parsed.data;
  }
  return undefined;
}

/** The one i18next instance of the app. */
export const i18n = createInstance();

void i18n.use(initReactI18next).init({
  resources,
  lng: storedLocale() ?? browserLocale() ?? defaultLocale,
  fallbackLng: defaultLocale,
  supportedLngs: supportedLocales,
  // React escapes what it renders; escaping here too would show "&amp;".
  interpolation: { escapeValue: false },
  // The resources are bundled, so the instance is ready before the first render.
  initAsync: false,
});

/** The active language (always one of `supportedLocales`). */
export function currentLocale(): Locale {
  const parsed = localeSchema.safeParse(i18n.resolvedLanguage ?? i18n.language);
  return parsed.success ? parsed.data : defaultLocale;
}

/** The BCP 47 tags for Intl (dates, times, country names) in the active language. */
export function currentIntlLocales(): string[] {
  return [...intlLocales[currentLocale()]];
}

function reflectInDocument(locale: Locale) {
  document.documentElement.lang = locale;
}
reflectInDocument(currentLocale());
i18n.on("languageChanged", () => reflectInDocument(currentLocale()));

/** Switches the UI language and remembers it on this browser. */
export function changeLocale(locale: Locale): void {
  try {
    storage()?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Quota or privacy settings: the choice still applies to this tab.
  }
  if (locale !== currentLocale()) void i18n.changeLanguage(locale);
}

/**
 * The translate function for components; the component re-renders when the language
 * changes. Keys are typed: `t("security.enabled")`, `t("verify.attemptsLeft", { count })`.
 */
export function useT() {
  return useTranslation().t;
}

/** The active language, for components; re-renders when it changes. */
export function useLocale(): Locale {
  useTranslation();
  return currentLocale();
}

/** A language's own name ("ქართული"), whatever the active language is. */
export function localeName(locale: Locale): string {
  return i18n.getFixedT(locale)("language.name");
}
