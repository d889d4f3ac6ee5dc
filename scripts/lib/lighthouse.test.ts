import { describe, expect, it } from "vitest";
import { scoresFrom, type LighthouseResult } from "./lighthouse.js";

const audit = (numericValue: number) => ({ score: 1, numericValue });

function result(overrides: Partial<LighthouseResult> = {}): LighthouseResult {
  return {
    categories: {
      performance: { score: 0.926, auditRefs: [] },
      accessibility: {
        score: 0.95,
        auditRefs: [
          { id: "color-contrast", weight: 7 },
          { id: "label", weight: 7 },
          { id: "logical-tab-order", weight: 0 },
        ],
      },
    },
    audits: {
      "largest-contentful-paint": audit(2457.4),
      "first-contentful-paint": audit(2306.9),
      "total-blocking-time": audit(120.2),
      "cumulative-layout-shift": audit(0.05417),
      "color-contrast": { score: 0 },
      label: { score: 1 },
      "logical-tab-order": { score: null, scoreDisplayMode: "manual" },
    },
    ...overrides,
  };
}

describe("scoresFrom", () => {
  it("reads category scores as 0–100 and the main metrics", () => {
    expect(scoresFrom(result(), "http://x/sign-in")).toEqual({
      performance: 93,
      accessibility: 95,
      lcpMs: 2457,
      fcpMs: 2307,
      tbtMs: 120,
      cls: 0.054,
      failedAccessibilityAudits: ["color-contrast"],
    });
  });

  it("refuses a run that could not load the page", () => {
    const failed = result({
      runtimeError: { code: "ERRORED_DOCUMENT_REQUEST", message: "status code: 404" },
    });
    expect(() => scoresFrom(failed, "http://x/security")).toThrow(
      "Lighthouse could not audit http://x/security: ERRORED_DOCUMENT_REQUEST status code: 404",
    );
  });

  it("refuses a category without a score", () => {
    const noScore = result();
    noScore.categories.performance = { score: null, auditRefs: [] };
    expect(() => scoresFrom(noScore, "http://x/")).toThrow("no performance score");
  });
});
