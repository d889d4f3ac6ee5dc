import {
  lockoutPolicy,
  verificationCodeSchema,
  verificationPolicy,
  type DeliveryState,
  type SendVerificationCodeResult,
  type RefusalDetails,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import { nextAnnouncement, type Announcement } from "@/lib/use-announcement";

/**
 * What went wrong, kept as data and worded while rendering (so the words follow a change
 * of language): a refusal the server or the schema explained, with the expiry of the code
 * it was about, or any other error.
 */
export type Problem =
  { failure: RefusalDetails; codeExpiresAt: number | undefined } | { error: unknown };

/** A call that failed, as the form hears of it: the refusal explained, if it was one. */
export type Rejection = { failure: RefusalDetails } | { error: unknown };

/**
 * Verification by code (every method that types a code: sent ones and the app) locked
 * after too many wrong codes, across methods. Sends are refused while it holds; a
 * recovery code and a passkey still work. `until` is when it ends (epoch ms), undefined
 * when only a recovery code ends it, or the server gave no time.
 */
export interface CodeLock {
  until: number | undefined;
}

/** The code lock a refusal tells of, if it does. */
export function codeLockOf(failure: RefusalDetails): CodeLock | undefined {
  switch (failure.reason) {
    case "locked":
      return { until: failure.retryAt };
    case "locked-until-recovery":
      return { until: undefined };
    case "wrong-code":
      return failure.lockedUntil === undefined ? undefined : { until: failure.lockedUntil };
    default:
      return undefined;
  }
}

/** Whether `lock` still holds at `now`: one without an end holds until it is cleared. */
export function lockHolds(lock: CodeLock | null, now: number): boolean {
  return lock !== null && (lock.until === undefined || now < lock.until);
}

/**
 * From how many wrong codes left before the lock a wrong code warns of it: early enough
 * to make someone stop and check, late enough not to alarm at the first typo.
 */
export const LOCK_WARNING_FROM = 5;

/**
 * How long the first lock lasts, in minutes: the only lock a warning comes before (after
 * it, each wrong code locks again at once, for longer).
 */
export const LOCK_WARNING_MINUTES = lockoutPolicy.firstLockMs / 60_000;

/**
 * What a wrong code warns of, the nearest limit first: the lock it just started, the
 * lock close ahead (when no nearer than the sent code's own attempts), the sent code's
 * attempts, or nothing (an app code far from the lock).
 */
export type WrongCodeWarning =
  | { kind: "lock-started"; until: number }
  | { kind: "lock-near"; triesLeft: number }
  | { kind: "attempts-left"; attemptsLeft: number }
  | { kind: "code-spent" }
  | { kind: "none" };

export function wrongCodeWarning(failure: RefusalDetails): WrongCodeWarning {
  const { lockedUntil, triesBeforeLock, attemptsLeft } = failure;
  if (lockedUntil !== undefined) return { kind: "lock-started", until: lockedUntil };
  if (
    triesBeforeLock !== undefined &&
    triesBeforeLock <= LOCK_WARNING_FROM &&
    (attemptsLeft === undefined || triesBeforeLock <= attemptsLeft)
  ) {
    return { kind: "lock-near", triesLeft: triesBeforeLock };
  }
  if (attemptsLeft === undefined) return { kind: "none" };
  return attemptsLeft > 0 ? { kind: "attempts-left", attemptsLeft } : { kind: "code-spent" };
}

export interface CodeFormState {
  /** The code comes from the authenticator app: nothing was sent, so none is resent. */
  fromApp: boolean;
  /** The last code sent, with its expiry and attempts; none for the app. */
  sent: SendVerificationCodeResult | undefined;
  /** What the field holds. */
  code: string;
  /**
   * `verifying` while the server checks `checking`, `finishing` while the caller's
   * `onVerified` runs; a code submitted meanwhile is not sent a second time.
   */
  phase: "ready" | "verifying" | "finishing";
  checking: string | null;
  resending: boolean;
  /** "Resend code" waits until then (epoch ms; 0 when it need not wait). */
  resendBlockedUntil: number;
  /** Verification by code is locked: "Resend code" is not offered while it holds. */
  lock: CodeLock | null;
  alert: Announcement<Problem> | null;
  /** "We sent a new code to …", with the masked destination. */
  resent: Announcement<string> | null;
  /**
   * The code the server just called wrong, and what it said: sending it again would only
   * burn an attempt, so submitting it repeats the answer instead.
   */
  refused: { code: string; problem: Problem } | null;
  /**
   * The sent code took its last wrong guess: it can verify nothing any more, so Verify
   * and its expiry give way to when a new code can be sent. A new code clears it.
   */
  spent: boolean;
}

export type CodeFormEvent =
  | { type: "typed"; value: string }
  | { type: "submitted"; code: string }
  | { type: "verified"; result: VerifyCodeResult }
  | ({ type: "verify-failed" } & Rejection)
  | { type: "finished" }
  | ({ type: "finish-failed" } & Rejection)
  | { type: "resend-pressed" }
  | { type: "resent"; sent: SendVerificationCodeResult }
  | ({ type: "resend-failed" } & Rejection);

/** What the view does after a transition: calls, the auto-submit timer, focus, callbacks. */
export type CodeFormCommand =
  | { type: "verify"; code: string }
  | { type: "finish"; result: VerifyCodeResult }
  | { type: "resend" }
  | { type: "schedule-submit"; code: string }
  | { type: "cancel-submit" }
  | { type: "focus-field"; select: boolean }
  | { type: "refresh-clock" }
  | { type: "report-failure"; failure: RefusalDetails };

export interface CodeFormStep {
  state: CodeFormState;
  commands: CodeFormCommand[];
}

export function initialCodeFormState(
  sent: SendVerificationCodeResult | undefined,
  fromApp: boolean,
): CodeFormState {
  return {
    fromApp,
    sent,
    code: "",
    phase: "ready",
    checking: null,
    resending: false,
    resendBlockedUntil: sent?.resendAvailableAt ?? 0,
    lock: null,
    alert: null,
    resent: null,
    refused: null,
    spent: false,
  };
}

/** Whether this refusal leaves the sent code without attempts. */
function spendsCode(failure: RefusalDetails): boolean {
  return (
    failure.reason === "attempts-exhausted" ||
    (failure.reason === "wrong-code" && failure.attemptsLeft === 0)
  );
}

/** A whole code once spaces and dashes are gone: typing its last digit submits it. */
export function isCompleteCode(value: string): boolean {
  return verificationCodeSchema.safeParse(value).success;
}

/** The alert replaces the "new code sent" notice and puts the field under the user's hand. */
function showProblem(state: CodeFormState, problem: Problem): CodeFormStep {
  return {
    state: { ...state, alert: nextAnnouncement(state.alert, problem), resent: null },
    commands: [{ type: "refresh-clock" }, { type: "focus-field", select: true }],
  };
}

/** When a new code can be asked for after this refusal: in step with what the server allows. */
function resendBlockedAfter(state: CodeFormState, failure: RefusalDetails): number {
  switch (failure.reason) {
    case "wrong-code":
      if (failure.lockedUntil !== undefined) return failure.lockedUntil;
      return failure.attemptsLeft === 0 && state.sent
        ? state.sent.expiresAt
        : state.resendBlockedUntil;
    case "attempts-exhausted":
    case "cooldown":
    case "rate-limited":
    case "locked":
      return failure.retryAt ?? state.resendBlockedUntil;
    case "expired":
    case "no-active-code":
      return 0;
    default:
      return state.resendBlockedUntil;
  }
}

function showFailure(state: CodeFormState, failure: RefusalDetails): CodeFormStep {
  const problem: Problem = { failure, codeExpiresAt: state.sent?.expiresAt };
  const step = showProblem(
    {
      ...state,
      resendBlockedUntil: resendBlockedAfter(state, failure),
      lock: codeLockOf(failure) ?? state.lock,
      spent: state.spent || (state.sent !== undefined && spendsCode(failure)),
    },
    problem,
  );
  return { ...step, commands: [...step.commands, { type: "report-failure", failure }] };
}

function showRejection(state: CodeFormState, rejection: Rejection): CodeFormStep {
  return "failure" in rejection
    ? showFailure(state, rejection.failure)
    : showProblem(state, { error: rejection.error });
}

const unchanged = (state: CodeFormState): CodeFormStep => ({ state, commands: [] });

export function codeFormTransition(state: CodeFormState, event: CodeFormEvent): CodeFormStep {
  switch (event.type) {
    case "typed": {
      // Only the change that completes the code submits it (typing, pasting "123 456" or
      // an autofilled one-time code); editing a complete code waits for Verify.
      const completes = !isCompleteCode(state.code) && isCompleteCode(event.value);
      return {
        state: { ...state, code: event.value },
        commands: [
          { type: "cancel-submit" },
          ...(completes ? [{ type: "schedule-submit", code: event.value } as const] : []),
        ],
      };
    }

    case "submitted": {
      const cancel: CodeFormCommand = { type: "cancel-submit" };
      if (state.phase !== "ready") return { state, commands: [cancel] };
      // A spent code verifies nothing: say so again rather than ask the server.
      if (state.spent && state.alert) {
        const step = showProblem(state, state.alert.message);
        return { ...step, commands: [cancel, ...step.commands] };
      }
      const parsed = verificationCodeSchema.safeParse(event.code);
      const step = !parsed.success
        ? showFailure(state, { reason: "invalid-input", issues: [{ path: "code", message: "" }] })
        : parsed.data === state.refused?.code
          ? showProblem(state, state.refused.problem)
          : {
              state: { ...state, phase: "verifying" as const, checking: parsed.data },
              commands: [{ type: "verify", code: parsed.data } as const],
            };
      return { ...step, commands: [cancel, ...step.commands] };
    }

    case "verified":
      return {
        state: { ...state, phase: "finishing", checking: null },
        commands: [{ type: "finish", result: event.result }],
      };

    case "verify-failed": {
      const ready: CodeFormState = { ...state, phase: "ready", checking: null };
      if (!("failure" in event) || event.failure.reason !== "wrong-code") {
        return showRejection(ready, event);
      }
      // An app code refused now may be accepted later (a phone clock running ahead), so
      // only a sent code's wrong digits are answered without asking the server again.
      const step = showFailure(ready, event.failure);
      const alert = step.state.alert;
      if (state.fromApp || state.checking === null || !alert) return step;
      return {
        ...step,
        state: { ...step.state, refused: { code: state.checking, problem: alert.message } },
      };
    }

    case "finished":
      return unchanged({ ...state, phase: "ready" });

    case "finish-failed":
      // The code is spent by now: what went wrong is shown like a refusal.
      return showRejection({ ...state, phase: "ready" }, event);

    case "resend-pressed":
      if (state.resending || state.fromApp) return unchanged(state);
      return { state: { ...state, resending: true }, commands: [{ type: "resend" }] };

    case "resent":
      return {
        state: {
          ...state,
          resending: false,
          sent: event.sent,
          resendBlockedUntil: event.sent.resendAvailableAt,
          // A code went out, so codes are not locked (any more).
          lock: null,
          code: "",
          alert: null,
          refused: null,
          spent: false,
          resent: nextAnnouncement(state.resent, event.sent.maskedDestination),
        },
        commands: [{ type: "refresh-clock" }, { type: "focus-field", select: false }],
      };

    case "resend-failed":
      return showRejection({ ...state, resending: false }, event);
  }
}

/** Verify shows it is busy from the press until the caller has taken the result in. */
export function isBusy(state: CodeFormState): boolean {
  return state.phase !== "ready";
}

/**
 * Where the message is asked about only while the form can still use the answer: a
 * verified code is spent, so the question stops once the server accepted it.
 */
export function followsDelivery(state: CodeFormState): boolean {
  return state.phase !== "finishing";
}

/**
 * Where the message with the code is, under "We sent a code to …": "On its way…" until it
 * arrives (never "Sending…" beside "We sent"), then "Delivered". A failure is an alert
 * instead, because the user has to act on it (check the destination, or choose another
 * method), and the code's expiry and attempts no longer matter then.
 */
export interface DeliveryNotice {
  line: "onItsWay" | "delivered" | undefined;
  failed: boolean;
}

export function deliveryNotice(delivery: DeliveryState | undefined): DeliveryNotice {
  switch (delivery) {
    case "sending":
    case "sent":
      return { line: "onItsWay", failed: false };
    case "delivered":
      return { line: "delivered", failed: false };
    case "failed":
      return { line: undefined, failed: true };
    default:
      return { line: undefined, failed: false };
  }
}

/**
 * "Resend code" is offered for a sent code, but not while verification by code is locked:
 * the server refuses every send then. It comes back when the lock ends.
 */
export function resendOffered(state: CodeFormState, now: number): boolean {
  return !state.fromApp && !lockHolds(state.lock, now);
}

/** The attempts left on the sent code, said only once one was used. */
export function attemptsLeftShown(state: CodeFormState): number | undefined {
  const left = state.sent?.attemptsLeft;
  return left !== undefined && left < verificationPolicy.maxFailedAttempts ? left : undefined;
}
