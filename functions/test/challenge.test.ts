import { describe, expect, it } from "vitest";
import { verificationPolicy } from "@dash2fa/shared";
import {
  attemptsLeft,
  codeTimes,
  decideAttempt,
  decideSend,
  type ChallengeState,
} from "../src/verification/challenge.js";

const T0 = Date.UTC(2026, 10, 28, 10, 0, 0);
const { resendCooldownMs, codeLifetimeMs, maxFailedAttempts } = verificationPolicy;

function challenge(overrides: Partial<ChallengeState> = {}): ChallengeState {
  return {
    uid: "u1",
    purpose: "enroll",
    method: "email",
    destination: "m@example.com",
    nonce: "n",
    codeHash: "h",
    ...codeTimes(T0),
    failedAttempts: 0,
    sendCount: 1,
    ...overrides,
  };
}

describe("decideSend", () => {
  it("allows the first send with a clean slate", () => {
    expect(decideSend(undefined, T0, "m@example.com")).toEqual({
      allowed: true,
      failedAttempts: 0,
      sendCount: 1,
    });
  });

  it("refuses a resend one millisecond before the cooldown ends, with the retry time", () => {
    expect(decideSend(challenge(), T0 + resendCooldownMs - 1, "m@example.com")).toEqual({
      allowed: false,
      details: { reason: "cooldown", retryAt: T0 + resendCooldownMs },
    });
  });

  it("allows a resend when the cooldown ends and keeps the failure count", () => {
    expect(
      decideSend(challenge({ failedAttempts: 3 }), T0 + resendCooldownMs, "m@example.com"),
    ).toEqual({
      allowed: true,
      failedAttempts: 3,
      sendCount: 2,
    });
  });

  it("sends at once to a corrected address or number, keeping the failure count", () => {
    const live = challenge({ failedAttempts: 2 });
    expect(decideSend(live, T0 + 1000, "other@example.com")).toEqual({
      allowed: true,
      failedAttempts: 2,
      sendCount: 2,
    });
    // A used-up code is not revived by switching destinations.
    const usedUp = challenge({ failedAttempts: maxFailedAttempts });
    expect(decideSend(usedUp, T0 + 1000, "other@example.com")).toMatchObject({
      allowed: false,
      details: { reason: "attempts-exhausted" },
    });
  });

  it("refuses to send for a used-up challenge until it expires", () => {
    const usedUp = challenge({ failedAttempts: maxFailedAttempts });
    expect(decideSend(usedUp, T0 + resendCooldownMs, "m@example.com")).toEqual({
      allowed: false,
      details: { reason: "attempts-exhausted", attemptsLeft: 0, retryAt: T0 + codeLifetimeMs },
    });
    expect(decideSend(usedUp, T0 + codeLifetimeMs, "m@example.com")).toEqual({
      allowed: true,
      failedAttempts: 0,
      sendCount: 1,
    });
  });
});

describe("decideAttempt", () => {
  it("refuses when there is no challenge", () => {
    expect(decideAttempt(undefined, T0)).toEqual({
      outcome: "refused",
      details: { reason: "no-active-code" },
    });
  });

  it("checks the code until the last millisecond of its lifetime", () => {
    const live = challenge();
    expect(decideAttempt(live, T0 + codeLifetimeMs - 1)).toEqual({
      outcome: "check-code",
      challenge: live,
    });
    expect(decideAttempt(live, T0 + codeLifetimeMs)).toEqual({
      outcome: "refused",
      details: { reason: "expired" },
    });
  });

  it("refuses every guess after the fifth failure, even before expiry", () => {
    expect(decideAttempt(challenge({ failedAttempts: maxFailedAttempts - 1 }), T0).outcome).toBe(
      "check-code",
    );
    expect(decideAttempt(challenge({ failedAttempts: maxFailedAttempts }), T0)).toEqual({
      outcome: "refused",
      details: { reason: "attempts-exhausted", attemptsLeft: 0, retryAt: T0 + codeLifetimeMs },
    });
  });
});

describe("a spent challenge", () => {
  const spent = challenge({ consumedAt: T0 + 1_000, failedAttempts: 2 });

  it("is told apart from a live one until it would have expired", () => {
    expect(decideAttempt(spent, T0 + codeLifetimeMs - 1)).toEqual({
      outcome: "spent",
      challenge: spent,
    });
    expect(decideAttempt(spent, T0 + codeLifetimeMs)).toEqual({
      outcome: "refused",
      details: { reason: "no-active-code" },
    });
  });

  it("lets a new code be sent at once, with a clean slate", () => {
    expect(decideSend(spent, T0 + 2_000, "m@example.com")).toEqual({
      allowed: true,
      failedAttempts: 0,
      sendCount: 1,
    });
  });
});

describe("attemptsLeft", () => {
  it("counts down to zero and never below", () => {
    expect([0, 1, 4, 5, 6].map(attemptsLeft)).toEqual([5, 4, 1, 0, 0]);
  });
});
