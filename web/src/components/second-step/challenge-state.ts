import {
  enabledMethods,
  suggestedMethod,
  type DeliveredMethod,
  type RefusalDetails,
  type SendVerificationCodeResult,
  type TwoFactorMethod,
  type TwoFactorStatusDoc,
  type RefusalReason,
} from "@dash2fa/shared";
import { codeLockOf, type CodeLock } from "@/components/verify-dialog/code-form-state";

/**
 * Where the code for one sent method stands; no entry yet means it is being sent. The
 * version numbers each outcome: a new code remounts the form, and the same failure twice
 * is a new alert, announced again.
 */
export type Challenge =
  | {
      state: "sent";
      sent: SendVerificationCodeResult;
      version: number;
      /** The message with the code could not be delivered: another method comes first. */
      undelivered?: true;
    }
  | {
      state: "failed";
      error: unknown;
      retryable: boolean;
      /** When sending again can work (epoch ms), if the refusal said: its button waits. */
      retryAt?: number;
      version: number;
    };

/** What is on screen: the chosen method, the list of the others, or a recovery code. */
export type Mode = "method" | "choose" | "recovery";

/**
 * Verification by code locked after too many wrong codes: the refusal that said so (its
 * words are shown while it holds) and the version that numbers it (a new one is
 * announced again). A passkey and a recovery code still work.
 */
export interface ChallengeLock extends CodeLock {
  failure: RefusalDetails;
  version: number;
}

export interface ChallengeState {
  method: TwoFactorMethod | undefined;
  mode: Mode;
  challenges: Partial<Record<DeliveredMethod, Challenge>>;
  /**
   * The methods a code was requested for while this is open: each is sent once, also when
   * React runs effects twice in development or the user switches back and forth.
   */
  requested: readonly DeliveredMethod[];
  /**
   * Whether opening sends the code of the method on screen without asking: only for the
   * method the person used last or chose as preferred, or their only one, so that a
   * sign-in does not spend the send budget on a method they would not pick.
   */
  sendsOnOpen: boolean;
  /** "Remember this device", kept across the methods and the recovery code. */
  remember: boolean;
  /** While it holds no code is sent, and the code methods give way to what still works. */
  lock: ChallengeLock | null;
  /**
   * Until when (epoch ms) no code can be sent to any destination: a refusal by the
   * account's or the network's send limit. The list of methods offers email and SMS again
   * only then, rather than letting each fail alike.
   */
  sendsBlockedUntil: number | undefined;
  /**
   * Focus follows what replaced the control the user pressed; at first it goes to the
   * field (or button) of the suggested method.
   */
  focusForm: boolean;
  /** The last version given to a challenge. */
  version: number;
}

export type ChallengeEvent =
  /**
   * The page opened: an email or SMS method the person used last (or their only method)
   * gets its code at once; any other waits for "Send code".
   */
  | { type: "opened" }
  /** "Send code" for the method on screen. */
  | { type: "send-pressed" }
  | { type: "code-sent"; method: DeliveredMethod; sent: SendVerificationCodeResult }
  | {
      type: "send-failed";
      method: DeliveredMethod;
      error: unknown;
      reason: RefusalReason | undefined;
      /** When a lock ends (`locked`) or a limit lets a send through, if the refusal said. */
      retryAt?: number;
      /** Which limit refused it (`rate-limited`). */
      limit?: RefusalDetails["limit"];
      /** The code this tab sent last for the method, if it can still be used. */
      earlier: SendVerificationCodeResult | undefined;
    }
  | { type: "send-again"; method: DeliveredMethod }
  /** The message with this code could not be delivered. */
  | { type: "delivery-failed"; method: DeliveredMethod; sent: SendVerificationCodeResult }
  /** The code form was refused (a code typed or a resend): a lock may have started. */
  | { type: "code-refused"; failure: RefusalDetails }
  /** The lock's time has come (the view's timer): the code methods come back. */
  | { type: "lock-ended"; now: number }
  | { type: "chooser-opened" }
  | { type: "method-chosen"; method: TwoFactorMethod; now: number }
  | { type: "recovery-chosen" }
  /** Back from the list or from the recovery code to the method that was on screen. */
  | { type: "method-shown" }
  | { type: "remember-changed"; remember: boolean };

/** Send a code for this method (the view reports back with code-sent or send-failed). */
export interface ChallengeCommand {
  type: "send";
  method: DeliveredMethod;
}

export interface ChallengeStep {
  state: ChallengeState;
  commands: ChallengeCommand[];
}

export function isDelivered(method: TwoFactorMethod | undefined): method is DeliveredMethod {
  return method === "email" || method === "phone";
}

/**
 * What this tab was doing before a reload: the method the person chose, and the code it
 * still holds for it (`sent-code-cache.ts`).
 */
export interface Resumed {
  method: TwoFactorMethod;
  sent?: SendVerificationCodeResult | undefined;
}

/**
 * Whether `method` is one the person picked before (used last, or preferred), or the only
 * one they have: its code may go out as the page opens. Any other is sent on request.
 */
export function sendsWithoutAsking(
  status: TwoFactorStatusDoc,
  method: TwoFactorMethod | undefined,
): boolean {
  if (!isDelivered(method)) return false;
  return (
    status.preferredMethod === method ||
    status.lastUsedMethod === method ||
    enabledMethods(status).length === 1
  );
}

/**
 * The suggested method, unless this tab had chosen another that is still enabled: then
 * that one again, with its code if it still holds one, so a reload neither falls back to
 * another method nor sends a new code.
 */
export function initialChallengeState(
  status: TwoFactorStatusDoc,
  resumed?: Resumed,
): ChallengeState {
  const resumable = resumed && status.methods[resumed.method]?.enabled === true;
  const method = resumable ? resumed.method : suggestedMethod(status);
  const sent = resumable && isDelivered(method) && resumed.sent?.method === method;
  return {
    method,
    mode: method ? "method" : "recovery",
    challenges:
      sent && resumed.sent ? { [method]: { state: "sent", sent: resumed.sent, version: 1 } } : {},
    requested: sent ? [method] : [],
    // A method resumed after a reload was chosen in this tab: a pick like any other.
    sendsOnOpen: resumable || sendsWithoutAsking(status, method),
    remember: false,
    lock: null,
    sendsBlockedUntil: undefined,
    focusForm: true,
    version: sent ? 1 : 0,
  };
}

/** No code is sent while codes are locked: the server would refuse it. */
function send(state: ChallengeState, method: DeliveredMethod): ChallengeStep {
  if (state.lock) return { state, commands: [] };
  return {
    state: {
      ...state,
      requested: state.requested.includes(method) ? state.requested : [...state.requested, method],
    },
    commands: [{ type: "send", method }],
  };
}

/** The method's code goes out unless one was requested already while this is open. */
function sendOnce(state: ChallengeState, method: TwoFactorMethod | undefined): ChallengeStep {
  return isDelivered(method) && !state.requested.includes(method)
    ? send(state, method)
    : { state, commands: [] };
}

function settle(
  state: ChallengeState,
  method: DeliveredMethod,
  outcome:
    | { state: "sent"; sent: SendVerificationCodeResult }
    | { state: "failed"; error: unknown; retryable: boolean; retryAt?: number },
): ChallengeStep {
  const version = state.version + 1;
  return {
    state: {
      ...state,
      version,
      challenges: { ...state.challenges, [method]: { ...outcome, version } },
    },
    commands: [],
  };
}

/**
 * The code for a method now on screen: sent if it never was, sent again if it expired
 * (one on its way, or still valid, is kept).
 */
function codeFor(state: ChallengeState, method: TwoFactorMethod, now: number): ChallengeStep {
  if (!isDelivered(method)) return { state, commands: [] };
  if (!state.requested.includes(method)) return send(state, method);
  const existing = state.challenges[method];
  return existing?.state === "sent" && existing.sent.expiresAt <= now
    ? sendAgain(state, method)
    : { state, commands: [] };
}

/**
 * A refusal that tells of a lock starts it (or moves its end): the code form on screen
 * gives way to what still works, which takes focus.
 */
function lockAfter(state: ChallengeState, failure: RefusalDetails): ChallengeState {
  const lock = codeLockOf(failure);
  if (!lock) return state;
  const version = state.version + 1;
  return {
    ...state,
    version,
    lock: { ...lock, failure, version },
    focusForm: state.mode === "method" ? true : state.focusForm,
  };
}

/**
 * A refusal by the account's or the network's send limit refuses every destination
 * alike: sends are blocked until its time. (A destination's own limit leaves the others.)
 */
function blockSendsAfter(
  state: ChallengeState,
  failure: Pick<RefusalDetails, "reason" | "limit" | "retryAt">,
): ChallengeState {
  if (failure.reason !== "rate-limited" || failure.limit === "destination") return state;
  if (failure.retryAt === undefined) return state;
  return { ...state, sendsBlockedUntil: failure.retryAt };
}

/**
 * The lock is over: codes that could not be sent during it, or expired meanwhile, are
 * forgotten, so the method on screen offers "Send code" again (nothing goes out unasked)
 * and the others send theirs when chosen.
 */
function unlock(state: ChallengeState, now: number): ChallengeStep {
  const stale = state.requested.filter((method) => {
    const challenge = state.challenges[method];
    return (
      challenge?.state === "failed" ||
      (challenge?.state === "sent" && challenge.sent.expiresAt <= now)
    );
  });
  const challenges = { ...state.challenges };
  for (const method of stale) challenges[method] = undefined;
  const unlocked: ChallengeState = {
    ...state,
    lock: null,
    challenges,
    requested: state.requested.filter((method) => !stale.includes(method)),
  };
  return {
    state: state.mode === "method" ? { ...unlocked, focusForm: true } : unlocked,
    commands: [],
  };
}

/** Sending again starts over: "being sent", and the form takes focus when the code is in. */
function sendAgain(state: ChallengeState, method: DeliveredMethod): ChallengeStep {
  return send(
    { ...state, focusForm: true, challenges: { ...state.challenges, [method]: undefined } },
    method,
  );
}

export function challengeTransition(state: ChallengeState, event: ChallengeEvent): ChallengeStep {
  switch (event.type) {
    case "opened":
      return state.sendsOnOpen
        ? sendOnce({ ...state, sendsOnOpen: false }, state.method)
        : { state, commands: [] };

    case "send-pressed":
      return sendOnce({ ...state, focusForm: true }, state.method);

    case "code-sent":
      return settle(state, event.method, { state: "sent", sent: event.sent });

    case "send-failed": {
      // Refused as too soon: the code sent a moment ago (say, before a reload) still works.
      if (event.reason === "cooldown" && event.earlier) {
        return settle(state, event.method, { state: "sent", sent: event.earlier });
      }
      const failure = event.reason && {
        reason: event.reason,
        ...(event.retryAt === undefined ? {} : { retryAt: event.retryAt }),
      };
      const locked = failure ? lockAfter(state, failure) : state;
      const blocked = failure
        ? blockSendsAfter(locked, { ...failure, limit: event.limit })
        : locked;
      return settle(blocked, event.method, {
        state: "failed",
        error: event.error,
        // Only a recovery code (or support) ends these; sending again cannot help.
        retryable:
          event.reason !== "locked-until-recovery" && event.reason !== "method-not-enabled",
        ...(event.retryAt === undefined ? {} : { retryAt: event.retryAt }),
      });
    }

    case "send-again":
      return sendAgain(state, event.method);

    case "delivery-failed": {
      const challenge = state.challenges[event.method];
      // Only about the code on screen: a report about an older one changes nothing.
      if (challenge?.state !== "sent" || challenge.sent.expiresAt !== event.sent.expiresAt) {
        return { state, commands: [] };
      }
      return {
        state: {
          ...state,
          challenges: { ...state.challenges, [event.method]: { ...challenge, undelivered: true } },
        },
        commands: [],
      };
    }

    case "code-refused":
      return {
        state: blockSendsAfter(lockAfter(state, event.failure), event.failure),
        commands: [],
      };

    case "lock-ended": {
      const until = state.lock?.until;
      // A lock without an end (only a recovery code ends it) is not ended by a timer.
      if (until === undefined || event.now < until) return { state, commands: [] };
      return unlock(state, event.now);
    }

    case "chooser-opened":
      return { state: { ...state, mode: "choose" }, commands: [] };

    case "method-chosen": {
      // A code on its way, or still valid, is kept; one past its expiry cannot be entered.
      const chosen: ChallengeState = {
        ...state,
        method: event.method,
        mode: "method",
        focusForm: true,
      };
      return codeFor(chosen, event.method, event.now);
    }

    case "recovery-chosen":
      return { state: { ...state, mode: "recovery", focusForm: true }, commands: [] };

    // Back to the method on screen: its code is sent only if the person asks for it.
    case "method-shown":
      return { state: { ...state, mode: "method", focusForm: true }, commands: [] };

    case "remember-changed":
      return { state: { ...state, remember: event.remember }, commands: [] };
  }
}

/** What the challenge shows, from the mode, the method and where its code stands. */
export type Shown =
  | { kind: "recovery" }
  | { kind: "choose" }
  | { kind: "no-methods" }
  | { kind: "passkey" }
  | { kind: "app" }
  | {
      kind: "code";
      method: DeliveredMethod;
      sent: SendVerificationCodeResult;
      version: number;
      undelivered: boolean;
    }
  | { kind: "sending"; method: DeliveredMethod }
  /** An email or SMS method whose code waits for "Send code". */
  | { kind: "ready"; method: DeliveredMethod }
  /** A code method while codes are locked: what happened, and what still works. */
  | { kind: "locked"; failure: RefusalDetails; until: number | undefined; version: number }
  | {
      kind: "send-failed";
      method: DeliveredMethod;
      error: unknown;
      retryable: boolean;
      retryAt?: number;
      version: number;
    };

export function shown(state: ChallengeState): Shown {
  const { mode, method } = state;
  if (mode === "recovery") return { kind: "recovery" };
  if (mode === "choose") return { kind: "choose" };
  if (!method) return { kind: "no-methods" };
  if (method === "passkey") return { kind: "passkey" };
  const { lock } = state;
  if (lock)
    return { kind: "locked", failure: lock.failure, until: lock.until, version: lock.version };
  if (method === "totp") return { kind: "app" };
  const challenge = state.challenges[method];
  if (!challenge) {
    // A code about to go out as the page opens shows as sending from the first frame, so no
    // "Send code" flashes up and away.
    const sending = state.requested.includes(method) || state.sendsOnOpen;
    return sending ? { kind: "sending", method } : { kind: "ready", method };
  }
  if (challenge.state === "sent") {
    return {
      kind: "code",
      method,
      sent: challenge.sent,
      version: challenge.version,
      undelivered: challenge.undelivered === true,
    };
  }
  const { error, retryable, retryAt, version } = challenge;
  return {
    kind: "send-failed",
    method,
    error,
    retryable,
    ...(retryAt === undefined ? {} : { retryAt }),
    version,
  };
}

/**
 * What "Use another method" lists of `others`: while codes are locked, only what still
 * works (a passkey), never a method that would send or ask for a code.
 */
export function methodsOffered(
  state: ChallengeState,
  others: TwoFactorMethod[],
): TwoFactorMethod[] {
  return state.lock ? others.filter((method) => method === "passkey") : others;
}

/**
 * The way back from a recovery code: to the passkey, to the code of the method on
 * screen, or, while codes are locked, back to what the lock leaves; none without a method.
 */
export function wayBackFromRecovery(
  state: ChallengeState,
): "passkey" | "code" | "lock" | undefined {
  if (!state.method) return undefined;
  if (state.method === "passkey") return "passkey";
  return state.lock ? "lock" : "code";
}
