/**
 * `npm run bench`: latency of the real flows against a floor doing the same Firestore
 * work, on the emulators, one call at a time and 50 users at once; the time a person
 * waits for a code and for the page after Verify, in Chromium, beside the same message
 * sent straight to MailDev or the SMS sink; the web bundle's bytes; Lighthouse on four
 * pages. Prints tables and writes bench-report.json. Not part of `npm test`: timings are
 * measured, never asserted. BENCH_ONLY and the other knobs: scripts/bench-run.ts.
 */
import { fail, step } from "./lib/log.js";
import {
  buildSmsExtension,
  firebaseArgs,
  prepareStack,
  run,
  startMailDev,
  startSmsSink,
  stopAll,
} from "./lib/stack.js";

async function main(): Promise<number> {
  const env = await prepareStack({});
  // As in `npm test`: at most 8 Node workers, the other requests queue in the emulator.
  // At its default (50), the first 50-user burst on a fresh stack starts a process per
  // request on two cores and calls run past the client's 70 s deadline.
  env.FUNCTIONS_EMULATOR_PARALLEL ??= "8";
  step("Building functions and the web app");
  if ((await run("npm", ["run", "build", "--silent"], { env })) !== 0) return 1;
  if ((await buildSmsExtension(env)) !== 0) return 1;
  startMailDev(env);
  await startSmsSink(env);
  const code = await run("firebase", [...firebaseArgs("exec"), "tsx scripts/bench-run.ts"], {
    env,
  });
  await stopAll();
  return code;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    await stopAll(5_000);
    fail(error);
  },
);
