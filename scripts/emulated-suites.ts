/**
 * Runs inside `firebase emulators:exec`, so the emulators start once for every suite.
 * Each suite runs even if an earlier one failed, so one run reports everything. The
 * last leaves a user mid sign-in and exports the emulators' data, which `test.ts`
 * imports into a second, short emulator run (tests/restart/).
 */
import { spawnSync } from "node:child_process";
import { vitestReport } from "./lib/failures.js";

/** Each suite also writes a JSON report, read back by `test.ts` to list what failed. */
const vitest = (project: string) => [
  "run",
  "--project",
  project,
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestReport(project)}`,
];

const suites: [name: string, command: string, args: string[]][] = [
  ["rules tests", "vitest", vitest("rules")],
  ["integration tests", "vitest", vitest("integration")],
  ["end-to-end tests", "playwright", ["test"]],
  // Last, so the emulators restart right after the export, well within a code's lifetime.
  ["restart check: export mid-flow", "tsx", ["tests/restart/before-restart.ts"]],
];

let failures = 0;
for (const [name, command, args] of suites) {
  console.log(`\n▸ ${name}`);
  const result = spawnSync(command, args, { stdio: "inherit" });
  if (result.status !== 0) {
    failures += 1;
    console.log(`  ${name}: FAILED (exit ${result.status ?? result.signal})`);
  }
}
process.exit(failures ? 1 : 0);
