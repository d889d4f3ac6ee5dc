/**
 * `npm test`: every check, on the real stack. Typecheck, lint and unit tests first;
 * then the emulators start once and the rules, integration and end-to-end suites run
 * against them (see emulated-suites.ts). Last, the emulators start again from the data
 * exported mid-flow during that run, and the restart check confirms nothing the user
 * had enabled was lost (tests/restart/). Exits non-zero if anything failed.
 */
import { existsSync, rmSync } from "node:fs";
import { exportDir, restartDir } from "../tests/restart/state.js";
import { allFailures, reportsDir, vitestReport } from "./lib/failures.js";
import { fail, step } from "./lib/log.js";
import {
  firebaseArgs,
  ports,
  prepareStack,
  run,
  smsSender,
  startMailDev,
  startSmsSink,
  stopAll,
} from "./lib/stack.js";

async function main(): Promise<number> {
  const started = Date.now();
  rmSync(reportsDir, { recursive: true, force: true });
  const { web: _web, ...needed } = ports;
  const env = await prepareStack(needed);
  // The Functions emulator starts one Node process per request it runs at once. Left at
  // its default (50), the 50-way race tests spend a minute on 2 cores starting processes
  // until clients time out; at 8 the extra requests queue in the emulator, and 8
  // transactions still race for the same document.
  env.FUNCTIONS_EMULATOR_PARALLEL ??= "8";
  const results: [string, number][] = [];
  const stage = async (name: string, command: string, args: string[]) => {
    step(name);
    const t0 = Date.now();
    const code = await run(command, args, { env });
    console.log(
      `  ${name}: ${code === 0 ? "ok" : `FAILED (exit ${code})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
    results.push([name, code]);
    return code;
  };

  await stage("typecheck", "npm", ["run", "typecheck", "--silent"]);
  await stage("lint", "npm", ["run", "lint", "--silent"]);
  if (
    (await stage("build functions", "npm", [
      "run",
      "build",
      "--workspace",
      "functions",
      "--silent",
    ])) === 0
  ) {
    await stage("unit tests", "vitest", [
      "run",
      "--project",
      "unit",
      "--reporter=default",
      "--reporter=json",
      `--outputFile.json=${vitestReport("unit")}`,
    ]);
  }

  // The Functions emulator runs the SMS extension from its compiled lib/.
  await stage("build SMS extension", "npm", [
    "run",
    "build",
    "--workspace",
    smsSender.workspace,
    "--silent",
  ]);

  startMailDev(env);
  await startSmsSink(env);
  rmSync(restartDir, { recursive: true, force: true });
  await stage("emulated suites (rules, integration, end-to-end)", "firebase", [
    ...firebaseArgs("exec"),
    "tsx scripts/emulated-suites.ts",
  ]);
  const restart = "restart check: emulators restarted from the export";
  if (existsSync(exportDir)) {
    await stage(restart, "firebase", [
      ...firebaseArgs("exec"),
      "--import",
      exportDir,
      "tsx tests/restart/after-restart.ts",
    ]);
  } else {
    console.log(`  ${restart}: FAILED (no export at ${exportDir}; see the emulated suites)`);
    results.push([restart, 1]);
  }
  await stopAll();

  const failed = results.filter(([, code]) => code !== 0).map(([name]) => name);
  const tests = allFailures();
  if (tests.length) {
    console.log(`\n\x1b[31m${tests.length} failed test(s):\x1b[0m`);
    for (const { test, reason } of tests) console.log(`  ✗ ${test}\n      ${reason}`);
  }
  console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(
    failed.length
      ? `\x1b[31mFailed: ${failed.join(", ")}\x1b[0m`
      : "\x1b[32mAll checks passed.\x1b[0m",
  );
  return failed.length ? 1 : 0;
}

let interrupted = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (interrupted) return;
    interrupted = true;
    void stopAll(10_000).then(() => process.exit(130));
  });
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    await stopAll(5_000);
    fail(error);
  },
);
