import {
  suggestedMethod,
  type DeliveredMethod,
  type SendVerificationCodeResult,
  type TwoFactorMethod,
  type TwoFactorStatusDoc,
  type RefusalReason,
} from "@dash2fa/shared";

/**
 * Where the code for one sent method stands; no entry yet means it is being sent. The
 * version numbers each outcome: a new code remounts the form, and the same failure twice
 * is a new alert, announced again.
 */
export type Challenge =
  | { state: "sent"; sent: SendVerificationCodeResult; version: number }
  | { state: "failed"; error: unknown; retryable: boolean; version: number };

/** What is on screen: the chosen method, the list of the others, or a recovery code. */
export type Mode = "method" | "choose" | "recovery";

export interface ChallengeState {
  method: TwoFactorMethod | undefined;
  mode: Mode;
  challenges: Partial<Record<DeliveredMethod, Challenge>>;
  /**
   * The methods a code was requested for while this is open: each is sent once, also when
   * React runs effects twice in development or the user switches back and forth.
   */
  requested: readonly DeliveredMethod[];
  /** "Remember this device", kept across the methods and the recovery code. */
  remember: boolean;
  /**
   * Focus follows what replaced the control the user pressed; at first it goes to the
   * field (or button) of the suggested method.
   */
  focusForm: boolean;
  /** The last version given to a challenge. */
  version: number;
}

export type ChallengeEvent =
  /** A suggested email or SMS method gets its code as soon as this opens. */
  | { type: "opened" }
  | { type: "code-sent"; method: DeliveredMethod; sent: SendVerificationCodeResult }
  | {
      type: "send-failed";
      method: DeliveredMethod;
      error: unknown;
      reason: RefusalReason | undefined;
      /** The code this tab sent last for the method, if it can still be used. */
      earlier: SendVerificationCodeResult | undefined;
    }
  | { type: "send-again"; method: DeliveredMethod }
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

export function initialChallengeState(status: TwoFactorStatusDoc): ChallengeState {
  const method = suggestedMethod(status);
  return {
    method,
    mode: method ? "method" : "recovery",
    challenges: {},
    requested: [],
    remember: false,
    focusForm: true,
    version: 0,
  };
}

function send(state: ChallengeState, method: DeliveredMethod): ChallengeStep {
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
    | { state: "failed"; error: unknown; retryable: boolean },
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
      return sendOnce(state, state.method);

    case "code-sent":
      return settle(state, event.method, { state: "sent", sent: event.sent });

    case "send-failed":
      // Refused as too soon: the code sent a moment ago (say, before a reload) still works.
      if (event.reason === "cooldown" && event.earlier) {
        return settle(state, event.method, { state: "sent", sent: event.earlier });
      }
      return settle(state, event.method, {
        state: "failed",
        error: event.error,
        // Only a recovery code (or support) ends these; sending again cannot help.
        retryable:
          event.reason !== "locked-until-recovery" && event.reason !== "method-not-enabled",
      });

    case "send-again":
      return sendAgain(state, event.method);

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
      if (!isDelivered(event.method)) return { state: chosen, commands: [] };
      if (!state.requested.includes(event.method)) return send(chosen, event.method);
      const existing = state.challenges[event.method];
      return existing?.state === "sent" && existing.sent.expiresAt <= event.now
        ? sendAgain(chosen, event.method)
        : { state: chosen, commands: [] };
    }

    case "recovery-chosen":
      return { state: { ...state, mode: "recovery", focusForm: true }, commands: [] };

    case "method-shown":
      return sendOnce({ ...state, mode: "method", focusForm: true }, state.method);

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
  | { kind: "code"; method: DeliveredMethod; sent: SendVerificationCodeResult; version: number }
  | { kind: "sending"; method: DeliveredMethod }
  | {
      kind: "send-failed";
      method: DeliveredMethod;
      error: unknown;
      retryable: boolean;
      version: number;
    };

export function shown(state: ChallengeState): Shown {
  const { mode, method } = state;
  if (mode === "recovery") return { kind: "recovery" };
  if (mode === "choose") return { kind: "choose" };
  if (!method) return { kind: "no-methods" };
  if (method === "passkey") return { kind: "passkey" };
  if (method === "totp") return { kind: "app" };
  const challenge = state.challenges[method];
  if (!challenge) return { kind: "sending", method };
  return challenge.state === "sent"
    ? { kind: "code", method, sent: challenge.sent, version: challenge.version }
    : {
        kind: "send-failed",
        method,
        error: challenge.error,
        retryable: challenge.retryable,
        version: challenge.version,
      };
}
