/**
 * The failed tests of a run, read back from the suites' JSON reports, so the last lines
 * `npm test` prints name every failure even when a long log is cut to its tail.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

export const reportsDir = join(".cache", "reports");

export const vitestReport = (project: string) => join(reportsDir, `${project}.json`);
export const playwrightReport = join(reportsDir, "e2e.json");

interface VitestReport {
  testResults?: {
    name: string;
    message?: string;
    assertionResults?: { fullName: string; status: string; failureMessages?: string[] }[];
  }[];
}

interface PlaywrightSuite {
  title: string;
  file?: string;
  specs?: {
    title: string;
    ok: boolean;
    tests?: { results?: { status: string; error?: { message?: string } }[] }[];
  }[];
  suites?: PlaywrightSuite[];
}

export interface Failure {
  test: string;
  reason: string;
}

/** First meaningful line of an error, without colour codes. */
function firstLine(text: string | undefined): string {
  // eslint-disable-next-line no-control-regex
  const plain = (text ?? "").replace(/\x1b\[[0-9;]*m/g, "");
  return (
    plain
      .split("\n")
      .map((line) => line.trim())
      .find(Boolean) ?? "(no message)"
  ).slice(0, 240);
}

export function vitestFailures(file: string): Failure[] {
  if (!existsSync(file)) return [];
  const report = JSON.parse(readFileSync(file, "utf8")) as VitestReport;
  const failures: Failure[] = [];
  for (const result of report.testResults ?? []) {
    const failed = (result.assertionResults ?? []).filter((a) => a.status === "failed");
    for (const assertion of failed) {
      failures.push({
        test: `${result.name.replace(`${process.cwd()}/`, "")} › ${assertion.fullName}`,
        reason: firstLine(assertion.failureMessages?.[0]),
      });
    }
    if (!failed.length && result.message) {
      failures.push({ test: result.name, reason: firstLine(result.message) });
    }
  }
  return failures;
}

export function playwrightFailures(file: string): Failure[] {
  if (!existsSync(file)) return [];
  const failures: Failure[] = [];
  const visit = (suite: PlaywrightSuite, path: string[]) => {
    for (const spec of suite.specs ?? []) {
      if (spec.ok) continue;
      const results = spec.tests?.flatMap((t) => t.results ?? []) ?? [];
      const failed = results.find((r) => r.status !== "passed" && r.status !== "skipped");
      failures.push({
        test: [...path, spec.title].join(" › "),
        reason: firstLine(failed?.error?.message ?? failed?.status),
      });
    }
    for (const child of suite.suites ?? []) visit(child, [...path, child.title]);
  };
  const report = JSON.parse(readFileSync(file, "utf8")) as { suites?: PlaywrightSuite[] };
  for (const suite of report.suites ?? []) visit(suite, [suite.file ?? suite.title]);
  return failures;
}

export function allFailures(): Failure[] {
  return [
    ...vitestFailures(vitestReport("unit")),
    ...vitestFailures(vitestReport("rules")),
    ...vitestFailures(vitestReport("integration")),
    ...playwrightFailures(playwrightReport),
  ];
}
