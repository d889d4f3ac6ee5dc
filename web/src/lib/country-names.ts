import { currentIntlLocales, currentLocale } from "@/lib/i18n";

/**
 * Georgian names of the countries SMS is most likely to be allowed to: Georgia, its
 * neighbours and where Georgians most often live and travel. Some Chromium builds ship
 * ICU data without Georgian, where `Intl.DisplayNames` would answer in English; this list
 * keeps the phone form Georgian there. A test checks that every country on the SMS
 * allow-list has a name here.
 */
export const georgianCountryNames: Readonly<Record<string, string>> = {
  GE: "საქართველო",
  AM: "სომხეთი",
  AZ: "აზერბაიჯანი",
  TR: "თურქეთი",
  UA: "უკრაინა",
  KZ: "ყაზახეთი",
  UZ: "უზბეკეთი",
  MD: "მოლდოვა",
  DE: "გერმანია",
  FR: "საფრანგეთი",
  GB: "გაერთიანებული სამეფო",
  IE: "ირლანდია",
  IT: "იტალია",
  ES: "ესპანეთი",
  GR: "საბერძნეთი",
  CY: "კვიპროსი",
  PL: "პოლონეთი",
  CZ: "ჩეხეთი",
  AT: "ავსტრია",
  NL: "ნიდერლანდები",
  BG: "ბულგარეთი",
  RO: "რუმინეთი",
  LT: "ლიეტუვა",
  LV: "ლატვია",
  EE: "ესტონეთი",
  IL: "ისრაელი",
  AE: "არაბთა გაერთიანებული საამიროები",
  US: "ამერიკის შეერთებული შტატები",
  CA: "კანადა",
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
