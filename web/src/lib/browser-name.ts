import { i18n } from "@/lib/i18n";

// The functions record a browser as "Chrome on Linux" (`describeBrowser` in
// functions/src/context.ts), with "Browser" and "unknown system" when they cannot tell.
// Those records are English data; the page words them in its own language.
const recorded = /^(.+) on (.+)$/;
const unknownBrowser = "Browser";
const unknownSystem = "unknown system";

/**
 * A recorded browser in the UI language: "Chrome on Linux" in English, "Chrome, Linux"
 * in Georgian. Brand names stay as their makers write them; a record of another shape
 * is shown as it is.
 */
export function browserName(record: string): string {
  const match = recorded.exec(record);
  if (!match) return record;
  const [, browser = "", system = ""] = match;
  return i18n.t("browser.onSystem", {
    browser: browser === unknownBrowser ? i18n.t("browser.unknownBrowser") : browser,
    system: system === unknownSystem ? i18n.t("browser.unknownSystem") : system,
  });
}
