// Entry point of `npm run dev` and `npm test`. Plain JavaScript on purpose: on a fresh
// clone nothing is installed yet, so this file installs the workspace first and then
// hands over to the TypeScript script named on the command line.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const task = process.argv[2];
if (!["dev", "test", "bench"].includes(task)) {
  console.error("usage: node scripts/launch.mjs dev|test|bench");
  process.exit(2);
}

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Node.js 20.19 or newer is needed; this is ${process.versions.node}.`);
  process.exit(1);
}

const installed = join(root, "node_modules", ".package-lock.json");
const manifests = [
  "package.json",
  "package-lock.json",
  "web/package.json",
  "functions/package.json",
  "shared/package.json",
];
const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);
const stale =
  !existsSync(installed) || manifests.some((file) => mtime(join(root, file)) > mtime(installed));
if (stale) {
  const ci = process.env.CI === "true" && existsSync(join(root, "package-lock.json"));
  // No install scripts: nothing here needs one (esbuild and rolldown ship their binaries
  // as packages), and the optional native re2 of firebase-tools would compile for minutes.
  console.log(`Installing dependencies (npm ${ci ? "ci" : "install"})…`);
  const result = spawnSync(
    "npm",
    [ci ? "ci" : "install", "--no-audit", "--no-fund", "--ignore-scripts"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const child = spawn(
  join(root, "node_modules", ".bin", "tsx"),
  [join(root, "scripts", `${task}.ts`), ...process.argv.slice(3)],
  {
    cwd: root,
    stdio: "inherit",
  },
);
// On Ctrl-C the child receives the signal too and shuts its services down; this process
// only waits for it (and forwards a signal sent to this process alone).
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    if (child.exitCode === null) child.kill(signal);
  });
}
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 130 : 1)));
