import type { CallableRequest } from "firebase-functions/v2/https";
import { afterEach, describe, expect, it, vi } from "vitest";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

// Not deployed at all (deploy-manifest.test.ts); and should it ever be, it does nothing.
describe("the development reset of the send limits", () => {
  it("refuses to run outside the emulator, before it deletes anything", async () => {
    vi.stubEnv("FUNCTIONS_EMULATOR", "");
    const { db } = await import("../src/admin.js");
    const collection = vi.spyOn(db, "collection");
    const { devResetLimitsCallable } = await import("../src/emulator/reset-limits.js");
    const request = { data: {}, rawRequest: {} } as unknown as CallableRequest;
    await expect(devResetLimitsCallable().run(request)).rejects.toThrow(
      "devResetLimits must never run outside the emulator",
    );
    expect(collection).not.toHaveBeenCalled();
  });
});
