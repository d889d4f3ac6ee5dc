// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { i18n } from "@/lib/i18n";
import { browserName } from "./browser-name";

afterEach(async () => {
  await i18n.changeLanguage("en");
});

describe("a recorded browser", () => {
  it("reads as recorded in English", async () => {
    await i18n.changeLanguage("en");
    expect(browserName("Chrome on Linux")).toBe("Chrome on Linux");
    expect(browserName("Browser on unknown system")).toBe("Browser on unknown system");
  });

  it("is joined with a comma in Georgian, brand names kept as written", async () => {
    await i18n.changeLanguage("ka");
    expect(browserName("Chrome on Linux")).toBe("Chrome, Linux");
    expect(browserName("Edge on Windows")).toBe("Edge, Windows");
    expect(browserName("Browser on iOS")).toBe("ბრაუზერი, iOS");
    expect(browserName("Firefox on unknown system")).toBe("Firefox, უცნობი სისტემა");
    expect(browserName("Browser on unknown system")).toBe("ბრაუზერი, უცნობი სისტემა");
  });

  it("of another shape is shown as it is", async () => {
    await i18n.changeLanguage("ka");
    expect(browserName("Chrome")).toBe("Chrome");
    expect(browserName("")).toBe("");
  });
});
