/**
 * `npm run bench`: latency of the real flows against a floor doing the same Firestore
 * work, on the emulators, plus the web bundle's bytes. Prints a table and writes
 * bench-report.json. Not part of `npm test`: timings are measured, never asserted.
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
