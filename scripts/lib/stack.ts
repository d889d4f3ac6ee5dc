import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { prepareFirestoreEmulator } from "./firestore-emulator.js";
import { findJava } from "./java.js";
import { SetupError, step } from "./log.js";
import { assertPortsFree } from "./ports.js";

export const root = join(import.meta.dirname, "..", "..");
export const projectId = "demo-2fa";

interface FirebaseJson {
  emulators: Record<string, { port?: number; host?: string; websocketPort?: number }>;
}
const emulators = (JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")) as FirebaseJson)
  .emulators;
const emulatorPort = (name: string) => {
  const port = emulators[name]?.port;
  if (!port) throw new Error(`firebase.json declares no port for the ${name} emulator`);
  return port;
};

/** Every port the stack listens on, read from firebase.json where it is declared. */
export const ports = {
  auth: emulatorPort("auth"),
  firestore: emulatorPort("firestore"),
  functions: emulatorPort("functions"),
  hub: emulatorPort("hub"),
  logging: emulatorPort("logging"),
  eventarc: emulatorPort("eventarc"),
  tasks: emulatorPort("tasks"),
  firestoreWebSocket: emulators.firestore?.websocketPort ?? 9150,
  smtp: 1025,
  mailWeb: 1080,
  smsSink: 8099,
  web: 5173,
  preview: 4173,
} as const;

export const urls = {
  // localhost, not 127.0.0.1: WebAuthn refuses IP addresses as the relying party, and the
  // functions use `localhost` (WEB_HOST) as the passkeys' relying party in development.
  app: `http://localhost:${ports.web}`,
  mailInbox: `http://127.0.0.1:${ports.mailWeb}`,
  smsOutbox: `http://127.0.0.1:${ports.smsSink}/messages`,
  firestore: `http://127.0.0.1:${ports.firestore}`,
  auth: `http://127.0.0.1:${ports.auth}`,
  functions: `http://127.0.0.1:${ports.functions}`,
};

/** Environment that points the Admin SDK and tools at the emulators. */
export const emulatorEnv = {
  FIRESTORE_EMULATOR_HOST: `127.0.0.1:${ports.firestore}`,
  FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${ports.auth}`,
  GCLOUD_PROJECT: projectId,
  DEV_SMTP_PORT: String(ports.smtp),
  MAILDEV_API: `http://127.0.0.1:${ports.mailWeb}`,
  SMS_SINK_URL: `http://127.0.0.1:${ports.smsSink}`,
};

/**
 * Everything the emulators need that a fresh clone lacks: Java 21+, the Firestore
 * emulator wrapper, the HMAC secret for codes. Returns the environment to run them in.
 */
export async function prepareStack(
  portsToCheck: Partial<typeof ports>,
): Promise<NodeJS.ProcessEnv> {
  const java = findJava();
  step(`Java ${java.major} at ${java.javaHome}`);
  const firestoreJar = prepareFirestoreEmulator(join(root, ".cache", "emulators"));
  ensureFunctionsSecret();
  ensureSmsSenderSecret();
  writeEmulatorConfig();
  await assertPortsFree(portsToCheck);
  return {
    ...process.env,
    ...emulatorEnv,
    JAVA_HOME: java.javaHome,
    PATH: `${join(java.javaHome, "bin")}:${join(root, "node_modules", ".bin")}:${process.env.PATH ?? ""}`,
    FIRESTORE_EMULATOR_BINARY_PATH: firestoreJar,
  };
}

/** Functions secrets the emulator reads from `.secret.local`; each clone gets its own. */
const functionsSecrets = ["OTP_HMAC_SECRET", "TOTP_SEALING_KEY"] as const;

/** Writes any secret missing from `functions/.secret.local`, keeping those already there. */
function ensureFunctionsSecret(): void {
  const file = join(root, "functions", ".secret.local");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const missing = functionsSecrets.filter((name) => !existing.includes(`${name}=`));
  if (!missing.length) return;
  const lines = missing.map((name) => `${name}=${randomBytes(32).toString("base64url")}\n`);
  const separator = existing && !existing.endsWith("\n") ? "\n" : "";
  writeFileSync(file, existing + separator + lines.join(""), { mode: 0o600 });
  step(`Wrote fresh ${missing.join(" and ")} to functions/.secret.local`);
}

/**
 * The SMS extension's instance (`extensions/sms-sender/` installed as `sms-sender`), its
 * development auth token file, read by the Functions emulator as the secret param and
 * given to the SMS sink so that the two agree, and the sink's number rules.
 */
export const smsSender = {
  instanceId: "sms-sender",
  workspace: "extensions/sms-sender/functions",
  secretFile: join(root, "extensions", "sms-sender.secret.local"),
  /** Numbers ending in these digits get these outcomes from the sink (see sink.ts). */
  outcomes: "000000=undelivered,000001=failed,000002=slow,000003=unavailable,000004=rejected",
} as const;

/** Writes a fresh development auth token for the SMS extension unless the clone has one. */
function ensureSmsSenderSecret(): void {
  if (existsSync(smsSender.secretFile)) return;
  writeFileSync(smsSender.secretFile, `TWILIO_AUTH_TOKEN=${randomBytes(16).toString("hex")}\n`, {
    mode: 0o600,
  });
  step("Wrote a development TWILIO_AUTH_TOKEN to extensions/sms-sender.secret.local");
}

/** The development auth token the extension and the SMS sink share. */
export function smsSenderAuthToken(): string {
  const match = /^TWILIO_AUTH_TOKEN=(.+)$/m.exec(readFileSync(smsSender.secretFile, "utf8"));
  if (!match?.[1]) throw new SetupError(`No TWILIO_AUTH_TOKEN in ${smsSender.secretFile}`);
  return match[1].trim();
}

/**
 * The emulators' configuration: firebase.json with only the extensions installed from a
 * local path. firebase.json stays the production manifest, published extensions
 * included, but firebase-tools resolves every entry of `extensions` when the Extensions
 * emulator starts, and a published one needs the network. Written next to firebase.json
 * because firebase-tools takes the project directory from the configuration's folder.
 */
export const emulatorConfigName = "firebase.emulators.json";

export function emulatorConfig(firebaseJson: Record<string, unknown>): Record<string, unknown> {
  const extensions = (firebaseJson.extensions ?? {}) as Record<string, string>;
  const local = Object.entries(extensions).filter(([, source]) => /^\.{0,2}\//.test(source));
  return { ...firebaseJson, extensions: Object.fromEntries(local) };
}

function writeEmulatorConfig(): void {
  const firebaseJson = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")) as Record<
    string,
    unknown
  >;
  const text = `${JSON.stringify(emulatorConfig(firebaseJson), null, 2)}\n`;
  const file = join(root, emulatorConfigName);
  if (!existsSync(file) || readFileSync(file, "utf8") !== text) writeFileSync(file, text);
}

export function firebaseArgs(command: "start" | "exec"): string[] {
  return [
    `emulators:${command}`,
    "--config",
    emulatorConfigName,
    "--only",
    "auth,firestore,functions,extensions",
    "--project",
    projectId,
  ];
}

/**
 * Children run in their own process group (`detached`), so a Ctrl-C reaches only this
 * script, which then stops each child exactly once: firebase-tools treats a second
 * SIGINT as "stop now, skip the data export".
 */
const children = new Set<ChildProcess>();

/** Starts a long-running process whose output is prefixed with its name. */
export function startService(
  name: string,
  command: string,
  args: string[],
  options: SpawnOptions,
): ChildProcess {
  const child = spawn(command, args, {
    cwd: root,
    ...options,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const prefix = `\x1b[2m[${name}]\x1b[0m `;
  const relay = (out: NodeJS.WriteStream) => (chunk: Buffer) => {
    for (const line of chunk.toString().split("\n"))
      if (line.trim()) out.write(`${prefix}${line}\n`);
  };
  child.stdout?.on("data", relay(process.stdout));
  child.stderr?.on("data", relay(process.stderr));
  children.add(child);
  child.on("exit", () => children.delete(child));
  return child;
}

/** Resolves when the service prints a line matching `pattern`; fails if it exits first. */
export function waitForOutput(
  child: ChildProcess,
  pattern: RegExp,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(
        new SetupError(`Timed out after ${timeoutMs / 1000} s waiting for ${pattern.source}.`),
      );
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      if (!pattern.test(chunk.toString())) return;
      clearTimeout(timer);
      child.off("exit", onExit);
      resolve();
    };
    const onExit = (code: number | null) => {
      clearTimeout(timer);
      reject(
        new SetupError(`It stopped (exit ${code}) before printing ${pattern.source}; see above.`),
      );
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Runs a command to completion with inherited output; resolves with its exit code. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: "inherit", ...options, detached: true });
    children.add(child);
    child.on("exit", (code, signal) => {
      children.delete(child);
      resolve(code ?? (signal ? 1 : 0));
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    if (child.pid) process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/**
 * Stops every child: SIGINT to the child itself first (firebase-tools then exports data
 * and stops its emulators), then whatever is left of its process group is terminated.
 */
export async function stopAll(timeoutMs = 30_000): Promise<void> {
  const waiting = [...children].map(
    (child) =>
      new Promise<void>((resolve) => {
        const done = () => {
          signalGroup(child, "SIGTERM");
          resolve();
        };
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once("exit", done);
        child.kill("SIGINT");
        setTimeout(() => {
          signalGroup(child, "SIGKILL");
          resolve();
        }, timeoutMs).unref();
      }),
  );
  await Promise.all(waiting);
}

export function startMailDev(env: NodeJS.ProcessEnv): ChildProcess {
  return startService(
    "maildev",
    join(root, "node_modules", ".bin", "maildev"),
    ["--smtp", String(ports.smtp), "--web", String(ports.mailWeb), "--ip", "127.0.0.1"],
    { env },
  );
}

/** Compiles the SMS extension's functions, which the Functions emulator runs from lib/. */
export function buildSmsExtension(env: NodeJS.ProcessEnv): Promise<number> {
  return run("npm", ["run", "build", "--workspace", smsSender.workspace, "--silent"], { env });
}

/**
 * The SMS sink in place of Twilio's API: the extension sends to it (its
 * PROVIDER_API_BASE_URL in extensions/sms-sender.env.local), it answers and posts signed
 * delivery receipts as Twilio does, and copies each message into the development outbox.
 */
export async function startSmsSink(env: NodeJS.ProcessEnv): Promise<ChildProcess> {
  const child = startService(
    "sms-sink",
    join(root, "node_modules", ".bin", "tsx"),
    [join(root, "scripts", "sms-sink.ts")],
    {
      env: {
        ...env,
        SMS_SINK_PORT: String(ports.smsSink),
        SMS_SINK_OUTCOMES: env.SMS_SINK_OUTCOMES ?? smsSender.outcomes,
        TWILIO_AUTH_TOKEN: smsSenderAuthToken(),
      },
    },
  );
  await waitForOutput(child, /SMS sink listening/, 30_000);
  return child;
}
