import { describe, expect, it } from "vitest";
import type { SessionDoc } from "./api.js";
import { sessionPolicy } from "./config.js";
import {
  enabledMethods,
  newSession,
  parseSecondStepClaims,
  passedSecondStep,
  sessionState,
} from "./second-step.js";

describe("passedSecondStep", () => {
  const required = { required: true, sessionsValidAfter: 1_800_000_000 };

  it("lets any session of a user without 2FA through", () => {
    expect(passedSecondStep({ required: false, sessionsValidAfter: 0 }, {})).toBe(true);
  });

  it("needs a session issued at or after the last 2FA change", () => {
    expect(passedSecondStep(required, { sessionAt: 1_800_000_000, sid: "s" })).toBe(true);
    expect(passedSecondStep(required, { sessionAt: 1_799_999_999, sid: "s" })).toBe(false);
  });

  it("needs a session id: a token from before sessions were recorded does not pass", () => {
    expect(passedSecondStep(required, { sessionAt: 1_800_000_000 })).toBe(false);
  });

  it("never lets a password-only session through, even when no change was recorded", () => {
    expect(passedSecondStep(required, {})).toBe(false);
    expect(passedSecondStep({ required: true, sessionsValidAfter: 0 }, {})).toBe(false);
  });
});

describe("sessionState", () => {
  const session: SessionDoc = {
    browser: "Chrome on Linux",
    how: "email",
    createdAt: 1_000,
    lastSeenAt: 2_000,
    expiresAt: 10_000,
    idleExpiresAt: 5_000,
    sessionAt: 1,
    endedAt: null,
  };

  it("is live until the first of its two limits", () => {
    expect(sessionState(session, 4_999)).toEqual({ live: true });
    expect(sessionState(session, 5_000)).toEqual({ live: false, reason: "idle" });
    expect(sessionState({ ...session, idleExpiresAt: 20_000 }, 10_000)).toEqual({
      live: false,
      reason: "expired",
    });
  });

  it("says why an ended session ended, and refuses one that does not exist", () => {
    const ended = { ...session, endedAt: 3_000, endedReason: "device-revoked" as const };
    expect(sessionState(ended, 3_001)).toEqual({ live: false, reason: "device-revoked" });
    expect(sessionState(undefined, 0)).toEqual({ live: false, reason: "unknown" });
  });
});

describe("newSession", () => {
  const start = { browser: "Chrome on Linux", how: "email" as const, sessionAt: 7 };
  const { absoluteLifetimeMs, idleTimeoutMs } = sessionPolicy;

  it("starts live, with both limits from now, and moves the account's latest end to its own", () => {
    const { session, sessionsLiveUntil } = newSession(1_000, start, {});
    expect(session).toEqual({
      ...start,
      createdAt: 1_000,
      lastSeenAt: 1_000,
      expiresAt: 1_000 + absoluteLifetimeMs,
      idleExpiresAt: 1_000 + Math.min(idleTimeoutMs, absoluteLifetimeMs),
      endedAt: null,
    });
    expect(sessionState(session, 1_000)).toEqual({ live: true });
    expect(sessionsLiveUntil).toBe(session.expiresAt);
  });

  it("never moves the latest end back, and keeps the device a session signed in with", () => {
    const later = 1_000 + absoluteLifetimeMs + 1;
    const started = newSession(1_000, { ...start, deviceId: "d1" }, { sessionsLiveUntil: later });
    expect(started.sessionsLiveUntil).toBe(later);
    expect(started.session.deviceId).toBe("d1");
    expect(newSession(1_000, start, { sessionsLiveUntil: 0 }).sessionsLiveUntil).toBe(
      1_000 + absoluteLifetimeMs,
    );
  });
});

describe("enabledMethods", () => {
  it("lists enabled methods in display order", () => {
    const on = { enabled: true, maskedDestination: "x", enabledAt: 0 };
    expect(enabledMethods({ methods: { phone: on, email: on } })).toEqual(["email", "phone"]);
    expect(enabledMethods({ methods: { phone: { ...on, enabled: false } } })).toEqual([]);
  });
});

describe("parseSecondStepClaims", () => {
  it("reads the four claims of an upgraded session", () => {
    const token = { mfa: "device", mfaAt: 0, sessionAt: 1_800_000_000, sid: "abc", email: "x" };
    expect(parseSecondStepClaims(token)).toEqual({
      mfa: "device",
      mfaAt: 0,
      sessionAt: 1_800_000_000,
      sid: "abc",
    });
  });

  it("leaves out what is missing or malformed, and never takes an unknown factor", () => {
    expect(parseSecondStepClaims({})).toEqual({});
    expect(
      parseSecondStepClaims({ mfa: "toString", mfaAt: "1", sessionAt: null, sid: 42 }),
    ).toEqual({});
  });
});
