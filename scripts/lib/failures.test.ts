import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { playwrightFailures, vitestFailures } from "./failures.js";

const dir = mkdtempSync(join(tmpdir(), "reports-"));
const write = (name: string, body: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, JSON.stringify(body));
  return file;
};

describe("failure summary", () => {
  it("lists each failed vitest test with the first line of its error", () => {
    const file = write("unit.json", {
      testResults: [
        {
          name: `${process.cwd()}/a.test.ts`,
          assertionResults: [
            { fullName: "passes", status: "passed" },
            {
              fullName: "x fails",
              status: "failed",
              failureMessages: ["\n\x1b[31mBoom\x1b[0m\n at"],
            },
          ],
        },
        { name: "b.test.ts", message: "Failed to load", assertionResults: [] },
      ],
    });
    expect(vitestFailures(file)).toEqual([
      { test: "a.test.ts › x fails", reason: "Boom" },
      { test: "b.test.ts", reason: "Failed to load" },
    ]);
  });

  it("walks nested Playwright suites and skips passing specs", () => {
    const file = write("e2e.json", {
      suites: [
        {
          title: "s.spec.ts",
          file: "s.spec.ts",
          specs: [{ title: "ok", ok: true, tests: [] }],
          suites: [
            {
              title: "group",
              specs: [
                {
                  title: "times out",
                  ok: false,
                  tests: [
                    { results: [{ status: "timedOut", error: { message: "Test timeout" } }] },
                  ],
                },
              ],
            },
          ],
        },
      ],
    });
    expect(playwrightFailures(file)).toEqual([
      { test: "s.spec.ts › group › times out", reason: "Test timeout" },
    ]);
  });

  it("reads a missing report as no failures", () => {
    expect(vitestFailures(join(dir, "none.json"))).toEqual([]);
    expect(playwrightFailures(join(dir, "none.json"))).toEqual([]);
  });
});
