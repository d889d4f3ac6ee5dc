import { currentIntlLocales, currentLocale } from "@/lib/i18n";

/**
 * Georgian names of the countries SMS is most likely to be allowed to: Georgia, its
 * neighbours and a few where many Georgians live. Some Chromium builds ship ICU data
 * without Georgian, where `Intl.DisplayNames` would answer in English; this list keeps
 * the phone form Georgian there. It is kept short for the page's download; a test checks
 * that every country on the SMS allow-list has a name here.
 */
export const georgianCountryNames: Readonly<Record<string, string>> = {
  GE: "საქართველო",
  AM: "სომხეთი",
  AZ: "აზერბაიჯანი",
  TR: "თურქეთი",
  UA: "უკრაინა",
  DE: "გერმანია",
  GR: "საბერძნეთი",
  IT: "იტალია",
  GB: "გაერთიანებული სამეფო",
  US: "ამერიკის შეერთებული შტატები",
};

/** The browser's name for a region in the UI language, if it really has that language. */
function browserName(region: string): string | undefined {
  try {
    const names = new Intl.DisplayNames(currentIntlLocales(), { type: "region", fallback: "none" });
    const language = names.resolvedOptions().locale.split("-")[0];
    return language === currentLocale() ? names.of(region) : undefined;
  } catch {
    // Not a region code Intl knows.
    return undefined;
  }
}

/**
 * A country's name in the UI language: "საქართველო" on a Georgian page, "Georgia" on an
 * English one, whatever locale data the browser has. Unknown to both, the code itself.
 */
export function countryName(region: string): string {
  if (currentLocale() === "ka")
    return georgianCountryNames[region] ?? browserName(region) ?? region;
  return browserName(region) ?? region;
}
