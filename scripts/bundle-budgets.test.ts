import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bundleBudgets } from "./bundle-budgets.js";
import { routeBytes, type RouteBytes } from "./lib/bundle.js";
import { root } from "./lib/stack.js";

const outDir = mkdtempSync(join(tmpdir(), "web-budget-"));
let routes: RouteBytes[] = [];

beforeAll(() => {
  // A separate process, exactly as `npm run build` runs it: inside Vitest, Vite would see
  // NODE_ENV=test and bundle React's development build.
  execFileSync(
    "npx",
    ["vite", "build", "--outDir", outDir, "--emptyOutDir", "--logLevel", "silent"],
    {
      cwd: join(root, "web"),
      env: { ...process.env, NODE_ENV: "production" },
      stdio: "inherit",
    },
  );
  routes = routeBytes(outDir).routes;
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe("web bundle budgets (gzip bytes of JavaScript before a route renders)", () => {
  it.each(Object.entries(bundleBudgets))("%s stays within %d bytes", (route, budget) => {
    const measured = routes.find((r) => r.route === route);
    expect(measured, `${route} was not measured`).toBeDefined();
    expect(measured?.gzip).toBeLessThanOrEqual(budget);
  });

  it("keeps libphonenumber's metadata out of every first load (the phone form loads it)", () => {
    const hasPhoneMetadata = (files: string[]) =>
      files.some((file) =>
        readFileSync(join(outDir, file), "utf8").includes("country_calling_codes"),
      );
    for (const { route, files } of routes) {
      expect(hasPhoneMetadata(files), route).toBe(false);
    }
  });
});
