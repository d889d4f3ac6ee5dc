import { describe, expect, it } from "vitest";
import { MINUTE_MS, HOUR_MS, lockoutPolicy } from "@dash2fa/shared";
import {
  afterCodeFailure,
  afterCodeSuccess,
  afterRecoveryFailure,
  codeLockRefusal,
  emptyGuard,
  lockDurationMs,
  recoveryLockRefusal,
  type GuardState,
} from "../src/security/guard.js";

const T0 = 1_800_000_000_000;

function failTimes(n: number, from = emptyGuard()) {
  let guard: GuardState = from;
  const starts: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const step = afterCodeFailure(guard, T0);
    guard = step.guard;
    if (step.lockStarted) starts.push(`${guard.consecutiveFailures}:${step.lockStarted}`);
  }
  return { guard, starts };
}

describe("lockout after consecutive failures", () => {
  it("does not lock at 9 failures and locks for 15 minutes at exactly 10", () => {
    expect(codeLockRefusal(failTimes(9).guard, T0)).toBeUndefined();
    const { guard } = failTimes(10);
    expect(codeLockRefusal(guard, T0)).toEqual({ reason: "locked", retryAt: T0 + 15 * MINUTE_MS });
    expect(codeLockRefusal(guard, T0 + 15 * MINUTE_MS)).toBeUndefined();
  });

  it("doubles the wait with each further failure, up to a day", () => {
    expect(lockDurationMs(10)).toBe(15 * MINUTE_MS);
    expect(lockDurationMs(11)).toBe(30 * MINUTE_MS);
    expect(lockDurationMs(12)).toBe(HOUR_MS);
    expect(lockDurationMs(40)).toBe(lockoutPolicy.maxLockMs);
  });

  it("locks until a recovery code at exactly 100 failures, and reports each lock once", () => {
    expect(codeLockRefusal(failTimes(99).guard, T0 + 2 * lockoutPolicy.maxLockMs)).toBeUndefined();
    const { guard, starts } = failTimes(100);
    expect(starts).toEqual(["10:soft", "100:hard"]);
    expect(codeLockRefusal(guard, T0 + 365 * 24 * HOUR_MS)).toEqual({
      reason: "locked-until-recovery",
    });
  });

  it("is reset by a verified code", () => {
    expect(afterCodeSuccess(failTimes(12).guard)).toMatchObject({
      consecutiveFailures: 0,
      lockedUntil: 0,
    });
  });
});

describe("recovery code lock", () => {
  it("locks recovery codes after 5 wrong ones in a row", () => {
    let guard = emptyGuard();
    for (let i = 0; i < 4; i += 1) guard = afterRecoveryFailure(guard, T0);
    expect(recoveryLockRefusal(guard, T0)).toBeUndefined();
    guard = afterRecoveryFailure(guard, T0);
    expect(recoveryLockRefusal(guard, T0)).toEqual({
      reason: "recovery-codes-locked",
      retryAt: T0 + 15 * MINUTE_MS,
    });
  });
});
