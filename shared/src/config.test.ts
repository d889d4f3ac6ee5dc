import { describe, expect, it } from "vitest";
import { MINUTE_MS, SECOND_MS, verificationPolicy } from "./config.js";

describe("verification policy", () => {
  it("names its durations in real units", () => {
    expect(SECOND_MS).toBe(1000);
    expect(MINUTE_MS).toBe(60_000);
    expect(verificationPolicy.codeLifetimeMs).toBe(600_000); // 10 minutes
    expect(verificationPolicy.resendCooldownMs).toBe(60_000); // 60 seconds
  });

  it("matches the specification's limits", () => {
    expect(verificationPolicy.codeLength).toBe(6);
    expect(verificationPolicy.maxFailedAttempts).toBe(5);
  });
});
