// Bundles the functions with the shared workspace inlined: a deploy uploads only this
// folder, where `@dash2fa/shared` could not be installed. Runtime dependencies stay
// external and are installed from package.json by Cloud Build.
import { build, context } from "esbuild";
import { readFileSync } from "node:fs";

const pkg = JSON.parse(readFileSync(new URL("./package.json", import.meta.url), "utf8"));
const options = {
  entryPoints: ["src/index.ts"],
  outfile: "lib/index.js",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  sourcemap: true,
  logLevel: "info",
  external: [...Object.keys(pkg.dependencies), "nodemailer"],
};

if (process.argv.includes("--watch")) {
  await (await context(options)).watch();
} else {
  await build(options);
}
