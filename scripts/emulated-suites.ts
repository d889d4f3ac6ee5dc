/**
 * Runs inside `firebase emulators:exec`, so the emulators start once for all three
 * suites. Each suite runs even if an earlier one failed, so one run reports everything.
 */
import { spawnSync } from "node:child_process";

const suites: [name: string, command: string, args: string[]][] = [
  ["rules tests", "vitest", ["run", "--project", "rules"]],
  ["integration tests", "vitest", ["run", "--project", "integration"]],
  ["end-to-end tests", "playwright", ["test"]],
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
