import type { DocumentReference } from "firebase-admin/firestore";
import { collections, lockoutPolicy, type RefusalDetails } from "@dash2fa/shared";
import { db } from "../admin.js";

/**
 * Consecutive failures per user, across challenges and purposes (SPEC, NIST SP 800-63B):
 * 10 in a row lock code verification for 15 minutes, each further one doubles the wait,
 * and 100 lock it until a recovery code is used. Recovery codes have their own counter.
 */
export interface GuardState {
  consecutiveFailures: number;
  /** Epoch milliseconds; 0 when not locked. */
  lockedUntil: number;
  recoveryFailures: number;
  recoveryLockedUntil: number;
}

export const emptyGuard = (): GuardState => ({
  consecutiveFailures: 0,
  lockedUntil: 0,
  recoveryFailures: 0,
  recoveryLockedUntil: 0,
});

export const guardRef = (uid: string): DocumentReference =>
  db.collection(collections.verificationGuards).doc(uid);

export function readGuard(data: unknown): GuardState {
  return { ...emptyGuard(), ...(data as Partial<GuardState> | undefined) };
}

/** The wait after the `failures`-th consecutive failure: 0 below the threshold. */
export function lockDurationMs(
  failures: number,
  threshold: number = lockoutPolicy.softThreshold,
): number {
  if (failures < threshold) return 0;
  const doubled = lockoutPolicy.firstLockMs * 2 ** Math.min(failures - threshold, 20);
  return Math.min(doubled, lockoutPolicy.maxLockMs);
}

export function isHardLocked(guard: GuardState): boolean {
  return guard.consecutiveFailures >= lockoutPolicy.hardThreshold;
}

/** Why code verification (or sending, which would be pointless) is refused now, if it is. */
export function codeLockRefusal(guard: GuardState, now: number): RefusalDetails | undefined {
  if (isHardLocked(guard)) return { reason: "locked-until-recovery" };
  if (now < guard.lockedUntil) return { reason: "locked", retryAt: guard.lockedUntil };
  return undefined;
}

export function recoveryLockRefusal(guard: GuardState, now: number): RefusalDetails | undefined {
  if (now < guard.recoveryLockedUntil) {
    return { reason: "recovery-codes-locked", retryAt: guard.recoveryLockedUntil };
  }
  return undefined;
}

/** After a wrong code: the new state, and whether this failure started a lock. */
export function afterCodeFailure(
  guard: GuardState,
  now: number,
): { guard: GuardState; lockStarted: "soft" | "hard" | undefined } {
  const consecutiveFailures = guard.consecutiveFailures + 1;
  const wait = lockDurationMs(consecutiveFailures);
  const next = { ...guard, consecutiveFailures, lockedUntil: wait ? now + wait : 0 };
  const lockStarted =
    consecutiveFailures === lockoutPolicy.hardThreshold
      ? "hard"
      : consecutiveFailures === lockoutPolicy.softThreshold
        ? "soft"
        : undefined;
  return { guard: next, lockStarted };
}

export function afterRecoveryFailure(guard: GuardState, now: number): GuardState {
  const recoveryFailures = guard.recoveryFailures + 1;
  const wait = lockDurationMs(recoveryFailures, lockoutPolicy.recoveryCodeThreshold);
  return { ...guard, recoveryFailures, recoveryLockedUntil: wait ? now + wait : 0 };
}

/** A verified code resets the code counter; a recovery code resets everything. */
export const afterCodeSuccess = (guard: GuardState): GuardState => ({
  ...guard,
  consecutiveFailures: 0,
  lockedUntil: 0,
});
export const afterRecoverySuccess = (): GuardState => emptyGuard();

export function recoveryAttemptsLeft(guard: GuardState): number {
  return Math.max(0, lockoutPolicy.recoveryCodeThreshold - guard.recoveryFailures);
}
