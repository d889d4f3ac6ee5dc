import type { Transaction } from "firebase-admin/firestore";
import {
  lockoutPolicy,
  twoFactorMethods,
  type RefusalDetails,
  type RememberedDeviceToken,
  type SecondStepClaims,
  type SecondStepMeans,
  type TwoFactorMethod,
  type TwoFactorStatusDoc,
  type VerificationPurpose,
} from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { refusal } from "../errors.js";
import { otpHmacSecret } from "../runtime.js";
import { recordActivity } from "../security/activity.js";
import {
  afterCodeFailure,
  afterRecoveryFailure,
  guardRef,
  isHardLocked,
  type GuardState,
} from "../security/guard.js";
import { methodName, queueNotices } from "../security/notices.js";
import { newRecoveryCodes, recoveryCodesRef } from "../security/recovery-codes.js";
import { rememberDevice as rememberDeviceOf } from "../security/remember-device.js";
import { claimsAfterChange, sessionIdOf } from "../security/policy.js";
import {
  continueSession,
  endOtherSessions,
  epochSeconds,
  mintSession,
  sessionAtFor,
  sessionsMayLive,
  startSession,
  validAfterChange,
} from "../security/session.js";
import { refs, type UserSecurity } from "../security/state.js";
import { maskDestination } from "./destination.js";
import { endPendingCodes } from "./store.js";

/**
 * What the verification pipeline (`pipeline.ts`) does once a factor's proof has been
 * checked, whatever the proof was: count or log a failure, or act on the success for its
 * purpose. One place, so each factor gets exactly the same lockout, activity log,
 * notices, recovery codes, session record and session upgrade.
 */

/** Who proved what: the means and, for sent codes, the destination it went to. */
export interface VerifiedSubject {
  uid: string;
  means: SecondStepMeans;
  /** The full email address or phone number; empty for every other means. */
  destination: string;
  /** Passkeys: the key's name and how many keys the user will have. */
  passkey?: { name: string; keys: number };
  /** A remembered device: the one that signed in. */
  deviceId?: string;
  /**
   * Status fields that spending the proof changes (the recovery codes left): written in
   * the verification's one write of the status, whatever its purpose.
   */
  status?: Partial<TwoFactorStatusDoc>;
}

const isMethod = (means: SecondStepMeans): means is TwoFactorMethod =>
  (twoFactorMethods as readonly string[]).includes(means);

export interface Completed {
  purpose: VerificationPurpose;
  method: SecondStepMeans;
  maskedDestination: string;
  recoveryCodes?: string[];
  rememberedDevice?: RememberedDeviceToken;
  /**
   * A 2FA change: every other session of the user must end; `recorded` says whether the
   * transaction saw any recorded session that could still be live (`sessionsMayLive`).
   */
  endsOtherSessions: false | { recorded: boolean };
  /** The new session's `sessionAt`, decided in the transaction (`sessionAtFor`). */
  sessionAt: number;
  /** The session the caller goes on in: a new one for a sign-in, else its own. */
  sessionId: string;
}

interface CompleteArgs {
  tx: Transaction;
  ctx: CallContext;
  security: UserSecurity;
  subject: VerifiedSubject;
  purpose: VerificationPurpose;
  now: number;
  rememberDevice: boolean;
}

/**
 * Records a wrong proof as its factor's `failures` says: a typed code counts towards the
 * lockout (with a notice if it locks), a recovery code towards its own lock, a passkey is
 * only logged, a device token (rate-limited on its own) leaves nothing.
 */
export function recordFailure(
  tx: Transaction,
  ctx: CallContext,
  security: UserSecurity,
  guard: GuardState,
  failures: "codes" | "recovery-codes" | "logged" | "limited",
  means: SecondStepMeans,
  now: number,
): LockWarning {
  if (failures === "limited") return {};
  const event = { at: now, method: means, browser: ctx.browser };
  recordActivity(tx, ctx.uid, { type: "verification-failed", ...event });
  if (failures === "recovery-codes") tx.set(guardRef(ctx.uid), afterRecoveryFailure(guard, now));
  if (failures !== "codes") return {};
  const failure = afterCodeFailure(guard, now);
  tx.set(guardRef(ctx.uid), failure.guard);
  const warning: LockWarning = {
    triesBeforeLock: Math.max(0, lockoutPolicy.softThreshold - failure.guard.consecutiveFailures),
    // The hard lock has no end a person can wait for: only a recovery code lifts it.
    ...(failure.guard.lockedUntil > now && !isHardLocked(failure.guard)
      ? { lockedUntil: failure.guard.lockedUntil }
      : {}),
  };
  if (failure.lockStarted) {
    recordActivity(tx, ctx.uid, { type: "locked-out", ...event });
    const hard = failure.lockStarted === "hard";
    queueNotices(tx, ctx, security, "locked-out", (words) =>
      hard ? words.lockedUntilRecovery : words.lockedForAWhile,
    );
  }
  return warning;
}

/** What a wrong typed code tells the person about the lock it counts towards. */
export type LockWarning = Pick<RefusalDetails, "triesBeforeLock" | "lockedUntil">;

/** Acts on a verified proof for its purpose, inside the verifying transaction. */
export function completeVerification(args: CompleteArgs): Completed {
  return handlers[args.purpose](args);
}

/** Turns the method on (or moves it, or adds a key); the first method brings recovery codes. */
function enroll({ tx, ctx, security, subject, now }: CompleteArgs): Completed {
  const { uid, means: method, destination, passkey } = subject;
  if (!isMethod(method)) throw refusal({ reason: "invalid-input" });
  const maskedDestination = maskDestination(method, destination);
  const existing = security.status.methods[method];
  const wasEnabled = existing?.enabled === true;
  const first = !security.status.required;
  const validAfter = validAfterChange(now, security.status);
  const recovery = first ? newRecoveryCodes(otpHmacSecret.value(), uid, now) : undefined;
  const sessionAt = validAfter;
  const session = continueSession(tx, ctx, now, { how: method, sessionAt }, security.status);

  tx.set(
    refs.status(uid),
    {
      methods: {
        [method]: {
          enabled: true,
          maskedDestination,
          enabledAt: passkey && wasEnabled ? existing.enabledAt : now,
          ...(passkey ? { keys: passkey.keys } : {}),
        },
      },
      required: true,
      sessionsValidAfter: validAfter,
      lastUsedMethod: method,
      ...(recovery ? { recoveryCodesRemaining: recovery.codes.length } : {}),
      ...subject.status,
      ...session.status,
    },
    { merge: true },
  );
  if (destination) tx.set(refs.destinations(uid), { [method]: destination }, { merge: true });
  // A new destination: codes sent to the old one for signing in or stepping up die now.
  if (destination && wasEnabled) endPendingCodes(tx, uid, method, ["sign-in", "step-up"]);
  if (recovery) tx.set(recoveryCodesRef(uid), recovery.doc);

  const event = { at: now, method, browser: ctx.browser };
  if (passkey && wasEnabled) {
    recordActivity(tx, uid, { type: "passkey-added", ...event, name: passkey.name });
    queueNotices(tx, ctx, security, "passkey-added", () => passkey.name);
  } else {
    const type = wasEnabled ? "destination-changed" : "method-enabled";
    recordActivity(tx, uid, { type, ...event, ...(passkey ? { name: passkey.name } : {}) });
    const previous = method === "email" ? security.destinations.email : undefined;
    const newAddress = method === "email" ? destination : undefined;
    // Only the first method turns 2FA on; a later one is added to it.
    const notice = type === "method-enabled" && !first ? "method-added" : type;
    queueNotices(tx, ctx, security, notice, methodName(method), [previous, newAddress]);
  }

  return {
    purpose: "enroll",
    method,
    maskedDestination,
    ...(recovery ? { recoveryCodes: recovery.codes } : {}),
    endsOtherSessions: { recorded: sessionsMayLive(security.status, now) },
    sessionAt,
    sessionId: session.id,
  };
}

/**
 * The second step of a sign-in; optionally remembers this browser for 30 days. A method
 * must be on; a recovery code or a device proved the account's second step already.
 */
function signIn({ tx, ctx, security, subject, now, rememberDevice }: CompleteArgs): Completed {
  const { uid, means, destination } = subject;
  const method = isMethod(means) ? means : undefined;
  if (method && security.status.methods[method]?.enabled !== true) {
    throw refusal({ reason: "method-not-enabled" });
  }
  // After a reset by an emailed link, the mailbox must not also be the second step.
  const barred = security.status.emailBarredAfterReset === true;
  if (barred && means === "email") throw refusal({ reason: "email-not-after-reset" });
  // A recovery code logs its own, more telling event when it is spent.
  if (means !== "recovery-code") {
    recordActivity(tx, uid, {
      type: "sign-in-verified",
      at: now,
      method: means,
      browser: ctx.browser,
    });
  }
  const sessionAt = sessionAtFor(now, security.status);
  const remembered =
    rememberDevice && means !== "device" ? rememberDeviceOf(tx, ctx, now, sessionAt) : undefined;
  const deviceId = subject.deviceId ?? remembered?.deviceId;
  const session = startSession(
    tx,
    ctx,
    now,
    { how: means, sessionAt, ...(deviceId ? { deviceId } : {}) },
    security.status,
  );
  tx.set(
    refs.status(uid),
    {
      ...(method ? { lastUsedMethod: method } : {}),
      ...(barred ? { emailBarredAfterReset: false } : {}),
      ...subject.status,
      ...session.status,
    },
    { merge: true },
  );
  return {
    purpose: "sign-in",
    method: means,
    maskedDestination: method ? maskDestination(method, destination) : "",
    ...(remembered ? { rememberedDevice: remembered } : {}),
    endsOtherSessions: false,
    sessionAt,
    sessionId: session.id,
  };
}

/** A fresh verification before a sensitive change: only the new session claims. */
function stepUp({ tx, security, subject, now, ctx }: CompleteArgs): Completed {
  const { means, destination } = subject;
  if (subject.status) tx.set(refs.status(subject.uid), subject.status, { merge: true });
  return {
    purpose: "step-up",
    method: means,
    maskedDestination: isMethod(means) ? maskDestination(means, destination) : "",
    endsOtherSessions: false,
    sessionAt: sessionAtFor(now, security.status),
    sessionId: sessionIdOf(ctx),
  };
}

const handlers: Record<VerificationPurpose, (args: CompleteArgs) => Completed> = {
  enroll,
  "sign-in": signIn,
  "step-up": stepUp,
};

/**
 * After the transaction: a 2FA change ends the user's other sessions, and the caller's
 * session is upgraded with a custom token. A sign-in or step-up carries the fresh
 * verification; an enrolment only re-validates the session: enrolling a factor is never
 * the verification that step-up asks for.
 */
export async function upgradeSession(
  ctx: CallContext,
  completed: Pick<
    Completed,
    "purpose" | "method" | "endsOtherSessions" | "sessionAt" | "sessionId"
  >,
  now: number,
): Promise<string> {
  const { sessionId } = completed;
  // The token names only the caller's own session, which the ending keeps: both run at once.
  const [customToken] = await Promise.all([
    mintSession(ctx.uid, claimsOf(ctx, completed, now)),
    completed.endsOtherSessions
      ? endOtherSessions(
          ctx.uid,
          { keep: sessionId, issuedBefore: completed.sessionAt },
          completed.endsOtherSessions,
        )
      : undefined,
  ]);
  return customToken;
}

function claimsOf(
  ctx: CallContext,
  completed: Pick<Completed, "purpose" | "method" | "sessionAt" | "sessionId">,
  now: number,
): SecondStepClaims {
  if (completed.purpose === "enroll") {
    return claimsAfterChange(ctx, completed.method, completed.sessionAt, completed.sessionId);
  }
  // A remembered device passed the second step but is no fresh verification: step-up asks.
  return {
    mfa: completed.method,
    mfaAt: completed.method === "device" ? 0 : epochSeconds(now),
    sessionAt: completed.sessionAt,
    sid: completed.sessionId,
  };
}
