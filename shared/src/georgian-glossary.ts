/**
 * Georgian wording the product has ruled out (docs/GEORGIAN-GLOSSARY.md), checked
 * against every Georgian string of the web app and of the emails and texts. Each rule
 * names what to write instead.
 */
export interface GlossaryRule {
  /** What must not appear in a Georgian string. */
  pattern: RegExp;
  /** What the glossary says instead. */
  instead: string;
}

export const georgianGlossaryRules: readonly GlossaryRule[] = [
  { pattern: /ელ\s*[.-]\s*ფოსტ/u, instead: "ელფოსტა, in one word" },
  { pattern: /ელ\s*[.-]\s*წერილ/u, instead: "წერილი or ელწერილი, in one word" },
  {
    pattern: /ავთენტიფიკ/u,
    instead: "ორმაგი ავტორიზაცია for the feature, ავტორიზაციის აპლიკაცია for the app",
  },
  { pattern: /ორფაქტორ|ვერიფიკაცი/u, instead: "ორმაგი ავტორიზაცია, დადასტურება" },
  { pattern: /ჰარე|ჰარი/u, instead: "გამოტოვება: plain words, not typesetters' jargon" },
  { pattern: /(^|[^ა-ჰ])ბლოკი/u, instead: "დაბლოკვა" },
  // The subjunctive after "may": "შესაძლოა ვინმემ იცოდეს", never the indicative "იცის".
  { pattern: /შესაძლოა[^.?!]*\sიცის/u, instead: "იცოდეს (subjunctive after შესაძლოა)" },
  { pattern: /(^|[^ა-ჰ])შენ(ი|მა|ს)?([^ა-ჰ]|$)/u, instead: "the formal თქვენ" },
  { pattern: /Dashboard/u, instead: "მართვის პანელი, the product's Georgian name" },
];

/** Every rule a Georgian string breaks, worded for a test's failure message. */
export function glossaryProblems(where: string, text: string): string[] {
  return georgianGlossaryRules
    .filter((rule) => rule.pattern.test(text))
    .map((rule) => `${where}: "${text}" — write ${rule.instead}`);
}
