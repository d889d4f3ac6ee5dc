import { describe, expect, it } from "vitest";
import {
  MINUTE_MS,
  SECOND_MS,
  SESSION_ACTIVITY_INTERVAL_MS,
  passkeyPolicy,
  sessionPolicy,
  totpPolicy,
  verificationPolicy,
} from "./config.js";

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

describe("authenticator app and passkey policy", () => {
  it("uses the parameters every authenticator app supports (RFC 6238 defaults)", () => {
    expect(totpPolicy).toMatchObject({ digits: 6, periodSeconds: 30, algorithm: "SHA1" });
    expect(totpPolicy.window).toBe(1); // one 30-second step either side, no more
    expect(totpPolicy.secretBytes).toBe(20); // 160 bits
    expect(totpPolicy.enrollmentLifetimeMs).toBe(15 * MINUTE_MS);
  });

  it("keeps passkey challenges short-lived", () => {
    expect(passkeyPolicy.challengeLifetimeMs).toBe(5 * MINUTE_MS);
    expect(passkeyPolicy.maxKeys).toBe(10);
  });
});

describe("session policy", () => {
  it("defaults to 30 days in all and 7 days unused", () => {
    expect(sessionPolicy.absoluteLifetimeMs).toBe(30 * 24 * 60 * MINUTE_MS);
    expect(sessionPolicy.idleTimeoutMs).toBe(7 * 24 * 60 * MINUTE_MS);
  });

  it("reports activity often enough that a session in use never reaches its idle limit", () => {
    expect(SESSION_ACTIVITY_INTERVAL_MS).toBe(60 * MINUTE_MS);
    expect(SESSION_ACTIVITY_INTERVAL_MS * 12).toBeLessThanOrEqual(sessionPolicy.idleTimeoutMs);
  });
});
