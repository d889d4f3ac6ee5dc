import type { Transaction } from "firebase-admin/firestore";
import type { RememberedDeviceToken, TwoFactorMethod, VerificationPurpose } from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { refusal } from "../errors.js";
import { otpHmacSecret } from "../runtime.js";
import { recordActivity } from "../security/activity.js";
import {
  afterCodeFailure,
  afterCodeSuccess,
  guardRef,
  type GuardState,
} from "../security/guard.js";
import { methodName, queueNotices } from "../security/notices.js";
import { newRecoveryCodes, recoveryCodesRef } from "../security/recovery-codes.js";
import { rememberDevice as rememberDeviceOf } from "../security/remember-device.js";
import { authorizeChange, claimsAfterChange, sessionIdOf } from "../security/policy.js";
import {
  continueSession,
  endOtherSessions,
  epochSeconds,
  mintSession,
  sessionAtFor,
  startSession,
  validAfterChange,
} from "../security/session.js";
import { refs, requireSecondStep, type UserSecurity } from "../security/state.js";
import { maskDestination } from "./destination.js";
import { endPendingCodes } from "./store.js";

/**
 * What every second factor does once its proof has been checked, whatever the proof was
 * (a sent code, an authenticator app code, a passkey): count a failure towards the
 * user's lockout, or act on the success for its purpose. One place, so each factor gets
 * exactly the same lockout, activity log, notices, recovery codes and session upgrade.
 */

/** Who proved what: the method and, for sent codes, the destination it went to. */
export interface VerifiedSubject {
  uid: string;
  method: TwoFactorMethod;
  /** The full email address or phone number; empty for the app and passkeys. */
  destination: string;
  /** Passkeys: the key's name and how many keys the user will have. */
  passkey?: { name: string; keys: number };
}

export interface Completed {
  purpose: VerificationPurpose;
  method: TwoFactorMethod;
  maskedDestination: string;
  recoveryCodes?: string[];
  rememberedDevice?: RememberedDeviceToken;
  /** A 2FA change: every other session of the user must end. */
  endsOtherSessions: boolean;
  /** The new session's `sessionAt`, decided in the transaction (`sessionAtFor`). */
  sessionAt: number;
  /** The session the caller goes on in: a new one for a sign-in, else its own. */
  sessionId: string;
}

interface CompleteArgs {
  tx: Transaction;
  ctx: CallContext;
  security: UserSecurity;
  guard: GuardState;
  subject: VerifiedSubject;
  purpose: VerificationPurpose;
  now: number;
  rememberDevice: boolean;
}

/** Records a wrong proof: the lockout counter, the activity log, a notice if it locks. */
export function recordFailure(
  tx: Transaction,
  ctx: CallContext,
  security: UserSecurity,
  guard: GuardState,
  method: TwoFactorMethod,
  now: number,
): void {
  const failure = afterCodeFailure(guard, now);
  tx.set(guardRef(ctx.uid), failure.guard);
  const event = { at: now, method, browser: ctx.browser };
  recordActivity(tx, ctx.uid, { type: "verification-failed", ...event });
  if (failure.lockStarted) {
    recordActivity(tx, ctx.uid, { type: "locked-out", ...event });
    const hard = failure.lockStarted === "hard";
    queueNotices(tx, ctx, security, "locked-out", (words) =>
      hard ? words.lockedUntilRecovery : words.lockedForAWhile,
    );
  }
}

/** Acts on a verified proof for its purpose, inside the verifying transaction. */
export function completeVerification(args: CompleteArgs): Completed {
  args.tx.set(guardRef(args.ctx.uid), afterCodeSuccess(args.guard));
  return handlers[args.purpose](args);
}

/** Turns the method on (or moves it, or adds a key); the first method brings recovery codes. */
function enroll({ tx, ctx, security, subject, now }: CompleteArgs): Completed {
  // Checked again here, not only when the enrolment started: the step-up may have run out.
  authorizeChange("add-factor", security, ctx);
  const { uid, method, destination, passkey } = subject;
  const maskedDestination = maskDestination(method, destination);
  const existing = security.status.methods[method];
  const wasEnabled = existing?.enabled === true;
  const first = !security.status.required;
  const validAfter = validAfterChange(now, security.status);
  const recovery = first ? newRecoveryCodes(otpHmacSecret.value(), uid, now) : undefined;

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
    queueNotices(tx, ctx, security, type, methodName(method), [previous, newAddress]);
  }

  const sessionAt = validAfter;
  return {
    purpose: "enroll",
    method,
    maskedDestination,
    ...(recovery ? { recoveryCodes: recovery.codes } : {}),
    endsOtherSessions: true,
    sessionAt,
    sessionId: continueSession(tx, ctx, now, { how: method, sessionAt }),
  };
}

/** The second step of a sign-in; optionally remembers this browser for 30 days. */
function signIn({ tx, ctx, security, subject, now, rememberDevice }: CompleteArgs): Completed {
  const { uid, method, destination } = subject;
  if (security.status.methods[method]?.enabled !== true) {
    throw refusal({ reason: "method-not-enabled" });
  }
  // After a reset by an emailed link, the mailbox must not also be the second step.
  const barred = security.status.emailBarredAfterReset === true;
  if (barred && method === "email") throw refusal({ reason: "email-not-after-reset" });
  tx.set(
    refs.status(uid),
    { lastUsedMethod: method, ...(barred ? { emailBarredAfterReset: false } : {}) },
    { merge: true },
  );
  recordActivity(tx, uid, { type: "sign-in-verified", at: now, method, browser: ctx.browser });
  const sessionAt = sessionAtFor(now, security.status);
  const rememberedDevice = rememberDevice ? rememberDeviceOf(tx, ctx, now, sessionAt) : undefined;
  const sessionId = startSession(tx, ctx, now, {
    how: method,
    sessionAt,
    ...(rememberedDevice ? { deviceId: rememberedDevice.deviceId } : {}),
  });
  return {
    purpose: "sign-in",
    method,
    maskedDestination: maskDestination(method, destination),
    ...(rememberedDevice ? { rememberedDevice } : {}),
    endsOtherSessions: false,
    sessionAt,
    sessionId,
  };
}

/** A fresh verification before a sensitive change: only the new session claims. */
function stepUp({ ctx, security, subject, now }: CompleteArgs): Completed {
  requireSecondStep(security, ctx);
  const { method, destination } = subject;
  return {
    purpose: "step-up",
    method,
    maskedDestination: maskDestination(method, destination),
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
  if (completed.endsOtherSessions) {
    await endOtherSessions(ctx.uid, { keep: sessionId, issuedBefore: completed.sessionAt });
  }
  if (completed.purpose === "enroll") {
    const claims = claimsAfterChange(ctx, completed.method, completed.sessionAt, sessionId);
    return mintSession(ctx.uid, claims);
  }
  return mintSession(ctx.uid, {
    mfa: completed.method,
    mfaAt: epochSeconds(now),
    sessionAt: completed.sessionAt,
    sid: sessionId,
  });
}
