import { parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js/mobile";
import { smsPolicy } from "./config.js";

export type PhoneProblem = "invalid" | "not-mobile" | "country-not-allowed";

export type NormalizedPhone =
  { ok: true; e164: string; country: CountryCode } | { ok: false; problem: PhoneProblem };

/**
 * Turns what people type ("555 12 34 56", "+995 555-12-34-56", "995555123456") into
 * E.164, accepting only mobile numbers of the allowed countries. The mobile-only
 * metadata of libphonenumber-js makes a landline number invalid.
 */
export function normalizePhone(
  raw: string,
  country: CountryCode = smsPolicy.defaultCountry,
  allowedCountries: readonly string[] = smsPolicy.allowedCountries,
): NormalizedPhone {
  const parsed = parsePhoneNumberFromString(raw, country);
  if (!parsed) return { ok: false, problem: "invalid" };
  if (!parsed.isValid()) {
    // A valid number in the general sense but not a mobile one: say so precisely.
    const anyType = parsePhoneNumberFromString(raw, { defaultCountry: country, extract: false });
    return { ok: false, problem: anyType?.isPossible() ? "not-mobile" : "invalid" };
  }
  if (!parsed.country || !allowedCountries.includes(parsed.country)) {
    return { ok: false, problem: "country-not-allowed" };
  }
  return { ok: true, e164: parsed.number, country: parsed.country };
}

const BULLET = "•";

/** `+995555123456` → `+995 5•• ••• •56`: the country, the first and the last two digits. */
export function maskPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return BULLET.repeat(3);
  const national = parsed.nationalNumber;
  const masked = [...national]
    .map((digit, i) => (i === 0 || i >= national.length - 2 ? digit : BULLET))
    .join("");
  const groups = masked.match(/.{1,3}/g) ?? [];
  return `+${parsed.countryCallingCode} ${groups.join(" ")}`;
}
