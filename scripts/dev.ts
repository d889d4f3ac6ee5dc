/**
 * `npm run dev`: the whole system on this machine. Auth, Firestore and Functions
 * emulators (data kept in .emulator-data/), the SMS extension run by the Functions
 * emulator against a local SMS sink, MailDev for mail, the functions rebuilt on
 * change, the web app wired to the emulators, and the demo accounts seeded.
 */
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fail, step } from "./lib/log.js";
import { waitForHttp } from "./lib/ports.js";
import { demoAccounts, demoRecoveryCodes, seedDemoAccounts } from "./lib/seed.js";
import {
  buildSmsExtension,
  firebaseArgs,
  ports,
  prepareStack,
  root,
  run,
  startMailDev,
  startService,
  startSmsSink,
  stopAll,
  waitForOutput,
  urls,
} from "./lib/stack.js";

const dataDir = join(root, ".emulator-data");
let stopping = false;

/** Idempotent: Ctrl-C can arrive more than once (from the terminal and the launcher). */
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  step("Stopping (emulator data is exported to .emulator-data/)…");
  await stopAll();
  process.exit(code);
}

async function main(): Promise<void> {
  const started = Date.now();
  const { preview: _preview, ...needed } = ports;
  const env = await prepareStack(needed);

  step("Building functions");
  if ((await run("npm", ["run", "build", "--workspace", "functions", "--silent"], { env })) !== 0) {
    throw new Error("The functions did not build; see the errors above.");
  }
  startService("functions-build", "node", ["build.mjs", "--watch"], {
    cwd: join(root, "functions"),
    env,
  });
  step("Building the SMS extension");
  if ((await buildSmsExtension(env)) !== 0) {
    throw new Error("The SMS extension did not build; see the errors above.");
  }
  startMailDev(env);
  await startSmsSink(env);

  const importArgs = existsSync(dataDir) ? ["--import", dataDir] : [];
  const emulators = startService(
    "emulators",
    "firebase",
    [...firebaseArgs("start"), ...importArgs, "--export-on-exit", dataDir],
    { env },
  );
  emulators.on("exit", (code) => {
    if (!stopping) {
      console.error(`The emulators stopped unexpectedly (exit ${code}).`);
      void shutdown(1);
    }
  });

  await waitForOutput(emulators, /All emulators ready/, 180_000);
  step("Seeding demo accounts");
  await seedDemoAccounts();

  startService(
    "web",
    join(root, "node_modules", ".bin", "vite"),
    ["--port", String(ports.web), "--strictPort", "--host", "127.0.0.1"],
    { cwd: join(root, "web"), env },
  );
  await waitForHttp(`http://127.0.0.1:${ports.web}`, 60_000);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`
\x1b[32mEverything is running\x1b[0m (ready in ${seconds} s). Ctrl-C stops it all.

  Web app            ${urls.app}
  Mail inbox         ${urls.mailInbox}
  SMS sink           ${urls.smsOutbox}
  Auth emulator      ${urls.auth}
  Firestore emulator ${urls.firestore}
  Functions emulator ${urls.functions}

  Demo accounts:
${demoAccounts.map((a) => `    ${a.email.padEnd(22)} ${a.password.padEnd(16)} ${a.note}`).join("\n")}
  Recovery codes of secure@example.com: ${demoRecoveryCodes.slice(0, 2).join(", ")} … SEED-0000-0000-000A
  Codes sent by email and SMS: the Development outbox page (${urls.app}/dev/outbox),
  the mail inbox, and this terminal.
`);
}

for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void shutdown(0));
main().catch(async (error: unknown) => {
  stopping = true;
  await stopAll(5_000);
  fail(error);
});
