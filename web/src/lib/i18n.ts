import { createInstance, type BackendModule } from "i18next";
import { initReactI18next, useTranslation } from "react-i18next";
import { defaultLocale, localeSchema, supportedLocales, type Locale } from "@dash2fa/shared";
import { bundledMessages, intlLocales, lazyMessages, localeNames, type en } from "@/locales";

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

/** Fetches a language that is not bundled (`lazyMessages`) the first time it is needed. */
const lazyLanguages: BackendModule = {
  type: "backend",
  init: () => undefined,
  read(language, _namespace, callback) {
    const load = lazyMessages[language as keyof typeof lazyMessages] as
      (() => Promise<object>) | undefined;
    if (!load) {
      callback(new Error(`No messages for "${language}".`), false);
      return;
    }
    load().then(
      (messages) => callback(null, messages),
      (error: unknown) =>
        callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** The one i18next instance of the app. */
export const i18n = createInstance();

/**
 * Settles once the page's language is ready: at once for English, after its chunk for
 * another. The app renders after it (main.tsx), so no English flashes before Georgian.
 */
export const i18nReady: Promise<unknown> = i18n
  .use(lazyLanguages)
  .use(initReactI18next)
  .init({
    resources: Object.fromEntries(
      Object.entries(bundledMessages).map(([locale, messages]) => [
        locale,
        { translation: messages },
      ]),
    ),
    partialBundledLanguages: true,
    lng: storedLocale() ?? browserLocale() ?? defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: supportedLocales,
    // React escapes what it renders; escaping here too would show "&amp;".
    interpolation: { escapeValue: false },
    // English is bundled, so for it the instance is ready before the first render.
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
export function changeLocale(locale: Locale): Promise<void> {
  try {
    storage()?.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Quota or privacy settings: the choice still applies to this tab.
  }
  return locale === currentLocale()
    ? Promise.resolve()
    : i18n.changeLanguage(locale).then(() => undefined);
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
  return localeNames[locale];
}
