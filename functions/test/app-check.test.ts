import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function loadOptions(emulator: boolean) {
  vi.resetModules();
  if (emulator) vi.stubEnv("FUNCTIONS_EMULATOR", "true");
  else vi.stubEnv("FUNCTIONS_EMULATOR", "");
  return (await import("../src/runtime.js")).callableOptions;
}

describe("App Check on the callables", () => {
  it("is enforced in production", async () => {
    expect((await loadOptions(false)).enforceAppCheck).toBe(true);
  });

  it("is off in the emulator, which has no App Check provider", async () => {
    expect((await loadOptions(true)).enforceAppCheck).toBe(false);
  });
});
