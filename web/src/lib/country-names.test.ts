// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { smsPolicy } from "@dash2fa/shared";
import { i18n } from "@/lib/i18n";
import { countryName, georgianCountryNames } from "./country-names";

const georgianLetters = /^[\u10D0-\u10FF ]+$/;

afterEach(async () => {
  vi.restoreAllMocks();
  await i18n.changeLanguage("en");
});

/** What a Chromium build without Georgian ICU data does: every name comes back English. */
function browserWithoutGeorgian() {
  const builtIn = Intl.DisplayNames;
  vi.spyOn(Intl, "DisplayNames").mockImplementation(
    // A constructor's stand-in: `new` returns the object it gives back.
    function (_locales: unknown, options: Intl.DisplayNamesOptions) {
      return new builtIn(["en-GB"], options);
    },
  );
}

describe("country names", () => {
  it("are Georgian on a Georgian page, also where the browser has no Georgian data", async () => {
    await i18n.changeLanguage("ka");
    expect(countryName("GE")).toBe("საქართველო");
    browserWithoutGeorgian();
    expect(countryName("GE")).toBe("საქართველო");
    expect(countryName("DE")).toBe("გერმანია");
  });

  it("are English on an English page", async () => {
    await i18n.changeLanguage("en");
    expect(countryName("GE")).toBe("Georgia");
    expect(countryName("DE")).toBe("Germany");
  });

  it("exist in Georgian for every country SMS may go to", () => {
    for (const country of smsPolicy.allowedCountries) {
      expect(georgianCountryNames[country], country).toMatch(georgianLetters);
    }
  });

  it("are written in Georgian letters, one per country code", () => {
    for (const [code, name] of Object.entries(georgianCountryNames)) {
      expect(code).toMatch(/^[A-Z]{2}$/);
      expect(name, code).toMatch(georgianLetters);
    }
  });

  it("fall back to the browser's name, never an English one on a Georgian page", async () => {
    await i18n.changeLanguage("ka");
    // Not on the app's list: Node's full ICU has it in Georgian.
    expect(countryName("JP")).toBe("იაპონია");
    browserWithoutGeorgian();
    // Without Georgian data the code stands in rather than "Japan".
    expect(countryName("JP")).toBe("JP");
  });
});
