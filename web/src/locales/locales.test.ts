import { describe, expect, it } from "vitest";
import { georgianGlossaryRules, glossaryProblems } from "@dash2fa/shared/georgian-glossary";
import { en } from "./en";
import { localeNames } from "./index";
import { ka } from "./ka";

/** Every string of a locale by its dotted i18next key ("security.enabled"). */
function flatten(messages: object, prefix = ""): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === "object") {
      for (const [nested, text] of flatten(value, path)) flat.set(nested, text);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

/** `{{name}}` values and `$t(key)` nestings, sorted: what the caller must supply. */
function placeholders(text: string): string[] {
  const found = [...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}|\$t\(([^)]+)\)/g)].map(
    (match) => match[1] ?? `$t(${match[2]})`,
  );
  return [...new Set(found)].sort();
}

const pluralSuffix = /_(zero|one|two|few|many|other)$/;

/** The problems of `translation` measured against `reference` (English). */
function compareLocales(reference: object, translation: object): string[] {
  const expected = flatten(reference);
  const actual = flatten(translation);
  const problems: string[] = [];
  for (const key of expected.keys()) {
    if (!actual.has(key)) problems.push(`missing key: ${key}`);
  }
  for (const key of actual.keys()) {
    if (!expected.has(key)) problems.push(`unexpected key: ${key}`);
  }
  for (const [name, flat] of [
    ["reference", expected],
    ["translation", actual],
  ] as const) {
    for (const [key, text] of flat) {
      if (typeof text !== "string") problems.push(`not a string in ${name}: ${key}`);
      else if (text.trim() === "") problems.push(`empty in ${name}: ${key}`);
    }
  }
  for (const [key, text] of expected) {
    const other = actual.get(key);
    if (typeof text !== "string" || typeof other !== "string") continue;
    const want = placeholders(text).join(", ");
    const got = placeholders(other).join(", ");
    if (want !== got) problems.push(`placeholders differ at ${key}: [${want}] vs [${got}]`);
  }
  return problems;
}

/** Plural keys must cover every category the language's plural rules can choose. */
function missingPluralForms(messages: object, language: string): string[] {
  const categories = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
  const forms = new Map<string, Set<string>>();
  for (const key of flatten(messages).keys()) {
    const match = pluralSuffix.exec(key);
    if (!match) continue;
    const base = key.slice(0, match.index);
    forms.set(base, (forms.get(base) ?? new Set()).add(match[1] ?? ""));
  }
  const problems: string[] = [];
  for (const [base, present] of forms) {
    for (const category of categories) {
      if (!present.has(category)) problems.push(`${language}: ${base}_${category} missing`);
    }
    if (!flatten(messages).get(`${base}_other`)?.toString().includes("{{count}}")) {
      problems.push(`${language}: ${base}_other does not show {{count}}`);
    }
  }
  return problems;
}

/** Strings that are rightly the same in both languages (names, codes, punctuation). */
const sameInBothLanguages = new Set([
  "app.pageTitle",
  "security.countryOption",
  "security.downloadFileName",
  "security.detailsSeparator",
  // "Chrome, Linux": only the punctuation is Georgian.
  "browser.onSystem",
  "devOutbox.kinds.sms",
]);

const georgianLetter = /[\u10D0-\u10FF]/;

describe("locales", () => {
  it("Georgian has exactly the English keys, none empty, with the same placeholders", () => {
    expect(compareLocales(en, ka)).toEqual([]);
  });

  it("plural keys have every form each language's plural rules need", () => {
    expect(missingPluralForms(en, "en")).toEqual([]);
    expect(missingPluralForms(ka, "ka")).toEqual([]);
  });

  it("every Georgian string is translated, in the Mkhedruli script", () => {
    const english = flatten(en);
    const untranslated = [...flatten(ka)]
      .filter(([key]) => !sameInBothLanguages.has(key))
      .filter(([key, text]) => text === english.get(key) || !georgianLetter.test(String(text)))
      .map(([key]) => key);
    expect(untranslated).toEqual([]);
  });

  it("names each language in the switcher as its own messages do", () => {
    expect(localeNames).toEqual({ en: en.language.name, ka: ka.language.name });
  });

  it("uses the product's wording for the activation message", () => {
    expect(en.security.activated).toBe(
      "Two-factor authentication has been successfully activated.",
    );
    expect(ka.security.activated).toBe("ორმაგი ავტორიზაცია წარმატებით გააქტიურდა.");
  });

  it("keeps to the glossary in every Georgian string (docs/GEORGIAN-GLOSSARY.md)", () => {
    const problems = [...flatten(ka)].flatMap(([key, text]) => glossaryProblems(key, String(text)));
    expect(problems).toEqual([]);
  });

  it("names each idea with one term wherever it appears", () => {
    const terms: Record<string, string[]> = {
      ელფოსტა: [
        ka.methods.email,
        ka.auth.emailLabel,
        ka.secondFactor.methodOptions.email,
        ka.security.activityMethods.email,
        ka.devOutbox.kinds.email,
      ],
      "ავტორიზაციის აპლიკაცია": [
        ka.methods.totp,
        ka.secondFactor.methodOptions.totp,
        ka.security.activityMethods.totp,
      ],
      "ორმაგი ავტორიზაცია": [ka.security.twoFactorTitle, ka.secondStep.pageTitle],
      "აღდგენის კოდი": [
        ka.secondFactor.recoveryCodeLabel,
        ka.security.activityMethods["recovery-code"],
      ],
      "დამადასტურებელი კოდი": [ka.verify.codeLabel],
      "დამახსოვრებული მოწყობილობა": [ka.security.activityMethods.device],
      "მართვის პანელი": [ka.app.productName],
    };
    for (const [term, uses] of Object.entries(terms)) {
      for (const text of uses) expect(text).toBe(term);
    }
    // The longer names start from the same words.
    expect(ka.methods.passkey).toMatch(/^წვდომის გასაღებები .*უსაფრთხოების გასაღებები$/);
    expect(ka.security.emailAddressLabel).toBe("ელფოსტის მისამართი");
    expect(ka.security.totp.setupTitle).toBe("ავტორიზაციის აპლიკაციის დაყენება");
  });

  describe("the comparison itself", () => {
    it("the glossary check notices each variant it rules out", () => {
      const samples = [
        "ელ. ფოსტა",
        "ელ-ფოსტის მისამართი",
        "ელ. წერილი",
        "ავთენტიფიკატორი აპლიკაცია",
        "ორფაქტორიანი ავთენტიფიკაცია",
        "ჰარეები დასაშვებია",
        "ბლოკი მოიხსნება",
        "შესაძლოა ვინმემ იცის თქვენი პაროლი",
        "შეიყვანე შენი კოდი",
        "Dashboard-ის კოდი",
      ];
      for (const sample of samples) expect(glossaryProblems("x", sample), sample).not.toEqual([]);
      // And passes what the glossary asks for.
      for (const fine of [
        "ელფოსტის მისამართი",
        "შესაძლოა ვინმემ იცოდეს თქვენი პაროლი",
        "დაბლოკვა მოიხსნება, დადასტურება დაბლოკილია",
        "ახალი პაროლის შენახვა",
      ]) {
        expect(glossaryProblems("x", fine), fine).toEqual([]);
      }
      expect(georgianGlossaryRules.length).toBeGreaterThan(0);
    });

    // The checks above pass on the real files; these show that they would notice.
    const reference = { a: { b: "Hello {{name}}", c_one: "{{count}} x", c_other: "{{count}} xs" } };

    it("reports a missing, an extra and an empty key", () => {
      expect(
        compareLocales(reference, { a: { b: "გამარჯობა {{name}}", c_one: "", d: "?" } }),
      ).toEqual([
        "missing key: a.c_other",
        "unexpected key: a.d",
        "empty in translation: a.c_one",
        "placeholders differ at a.c_one: [count] vs []",
      ]);
    });

    it("reports placeholders that differ", () => {
      const renamed = { a: { b: "გამარჯობა {{user}}", c_one: "{{count}}", c_other: "{{count}}" } };
      expect(compareLocales(reference, renamed)).toEqual([
        "placeholders differ at a.b: [name] vs [user]",
      ]);
    });

    it("reports a plural form the language needs", () => {
      expect(missingPluralForms({ a_other: "{{count}} xs" }, "en")).toEqual(["en: a_one missing"]);
    });
  });
});
