import { defineConfig } from "vitest/config";

/**
 * Three projects: `unit` needs nothing running; `rules` and `integration` need the
 * emulators and run one file at a time against them (scripts/emulated-suites.ts). The web
 * app's component tests are unit tests too: each names its DOM (happy-dom) in a
 * `@vitest-environment` comment.
 */
export default defineConfig({
  test: {
    projects: [
      {
        // `@/…` in the web app's files resolves through web/tsconfig.json, as in its build.
        resolve: { tsconfigPaths: true },
        test: {
          name: "unit",
          include: [
            "shared/src/**/*.test.ts",
            "functions/test/**/*.test.ts",
            "web/src/**/*.test.{ts,tsx}",
            "scripts/**/*.test.ts",
            "extensions/*/functions/src/**/*.test.ts",
            "extensions/*/sink/**/*.test.ts",
          ],
        },
      },
      {
        test: {
          name: "rules",
          include: ["tests/rules/**/*.test.ts"],
          fileParallelism: false,
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          setupFiles: ["tests/integration/setup.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
