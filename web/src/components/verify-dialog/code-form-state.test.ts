import { describe, expect, it } from "vitest";
import type { SendVerificationCodeResult, RefusalDetails, VerifyCodeResult } from "@dash2fa/shared";
import {
  attemptsLeftShown,
  codeFormTransition,
  codeLockOf,
  deliveryNotice,
  followsDelivery,
  initialCodeFormState,
  isBusy,
  isCompleteCode,
  LOCK_WARNING_FROM,
  LOCK_WARNING_MINUTES,
  lockHolds,
  resendOffered,
  wrongCodeWarning,
  type CodeFormEvent,
  type CodeFormState,
  type CodeFormStep,
} from "./code-form-state";

const T = 1_750_000_000_000;

const sent: SendVerificationCodeResult = {
  purpose: "enroll",
  method: "email",
  maskedDestination: "a•••@example.com",
  expiresAt: T + 10 * 60_000,
  resendAvailableAt: T + 60_000,
  attemptsLeft: 5,
};

const verified: VerifyCodeResult = {
  purpose: "enroll",
  method: "email",
  maskedDestination: "a•••@example.com",
  customToken: "token",
};

const wrongCode = (attemptsLeft: number): RefusalDetails => ({
  reason: "wrong-code",
  attemptsLeft,
});

/** Runs the events in order from `state`; the step of the last one. */
function play(state: CodeFormState, ...events: CodeFormEvent[]): CodeFormStep {
  let step: CodeFormStep = { state, commands: [] };
  for (const event of events) step = codeFormTransition(step.state, event);
  return step;
}

const sentForm = () => initialCodeFormState(sent, false);
const appForm = () => initialCodeFormState(undefined, true);

/** A sent-code form with "123456" on its way to the server. */
const verifying = () => play(sentForm(), { type: "submitted", code: "123 456" }).state;

describe("the form as it opens", () => {
  it("waits for the resend cooldown of the code that was just sent", () => {
    const state = sentForm();
    expect(state).toMatchObject({ sent, code: "", phase: "ready", alert: null, resent: null });
    expect(state.resendBlockedUntil).toBe(sent.resendAvailableAt);
    expect(isBusy(state)).toBe(false);
  });

  it("has nothing to wait for with an authenticator app code", () => {
    const state = appForm();
    expect(state.sent).toBeUndefined();
    expect(state.resendBlockedUntil).toBe(0);
  });
});

describe("typing and auto-submit", () => {
  it("keeps what is typed and submits nothing before the code is whole", () => {
    const step = play(sentForm(), { type: "typed", value: "12345" });
    expect(step.state.code).toBe("12345");
    expect(step.commands).toEqual([{ type: "cancel-submit" }]);
  });

  it("schedules a submit when the last digit completes the code, pasted with a space too", () => {
    expect(play(sentForm(), { type: "typed", value: "123456" }).commands).toEqual([
      { type: "cancel-submit" },
      { type: "schedule-submit", code: "123456" },
    ]);
    expect(play(sentForm(), { type: "typed", value: "123 456" }).commands).toContainEqual({
      type: "schedule-submit",
      code: "123 456",
    });
  });

  it("does not submit again when a complete code is edited", () => {
    const step = play(
      sentForm(),
      { type: "typed", value: "123456" },
      { type: "typed", value: "123457" },
    );
    expect(step.commands).toEqual([{ type: "cancel-submit" }]);
  });

  it("cancels a scheduled submit when the code is no longer whole", () => {
    const step = play(
      sentForm(),
      { type: "typed", value: "123456" },
      { type: "typed", value: "12345" },
    );
    expect(step.commands).toEqual([{ type: "cancel-submit" }]);
    expect(isCompleteCode("12345")).toBe(false);
  });
});

describe("verifying", () => {
  it("sends the normalised digits once and is busy until the server answers", () => {
    const step = play(sentForm(), { type: "submitted", code: "123 456" });
    expect(step.commands).toEqual([{ type: "cancel-submit" }, { type: "verify", code: "123456" }]);
    expect(step.state.phase).toBe("verifying");
    expect(isBusy(step.state)).toBe(true);
  });

  it("ignores a second submit while the first is being checked", () => {
    const step = play(verifying(), { type: "submitted", code: "123456" });
    expect(step.commands).toEqual([{ type: "cancel-submit" }]);
    expect(step.state).toEqual(verifying());
  });

  it("refuses a malformed code without asking the server, and reports it", () => {
    const step = play(sentForm(), { type: "submitted", code: "12a" });
    const failure = { reason: "invalid-input", issues: [{ path: "code", message: "" }] };
    expect(step.commands).not.toContainEqual(expect.objectContaining({ type: "verify" }));
    expect(step.commands).toContainEqual({ type: "report-failure", failure });
    expect(step.commands).toContainEqual({ type: "focus-field", select: true });
    expect(step.state.alert?.message).toEqual({ failure, codeExpiresAt: sent.expiresAt });
    expect(step.state.phase).toBe("ready");
  });
});

describe("success", () => {
  it("hands the result over and stays busy while the caller takes it in", () => {
    const step = play(verifying(), { type: "verified", result: verified });
    expect(step.commands).toEqual([{ type: "finish", result: verified }]);
    expect(step.state.phase).toBe("finishing");
    expect(isBusy(step.state)).toBe(true);
    // The code is spent: its message is no longer followed.
    expect(followsDelivery(step.state)).toBe(false);
  });

  it("is ready again once the caller is done", () => {
    const step = play(verifying(), { type: "verified", result: verified }, { type: "finished" });
    expect(step.state.phase).toBe("ready");
    expect(step.commands).toEqual([]);
  });

  it("shows the caller's failure like a refusal", () => {
    const error = new Error("upgrade failed");
    const step = play(
      verifying(),
      { type: "verified", result: verified },
      { type: "finish-failed", error },
    );
    expect(step.state.phase).toBe("ready");
    expect(step.state.alert?.message).toEqual({ error });
    expect(step.commands).toEqual([
      { type: "refresh-clock" },
      { type: "focus-field", select: true },
    ]);
  });
});

describe("a wrong code", () => {
  it("says how many attempts are left and remembers the refused code", () => {
    const failure = wrongCode(3);
    const step = play(verifying(), { type: "verify-failed", failure });
    expect(step.state.phase).toBe("ready");
    expect(step.state.alert).toEqual({
      key: 1,
      message: { failure, codeExpiresAt: sent.expiresAt },
    });
    expect(step.state.refused).toEqual({
      code: "123456",
      problem: { failure, codeExpiresAt: sent.expiresAt },
    });
    expect(step.state.resendBlockedUntil).toBe(sent.resendAvailableAt);
    expect(step.commands).toEqual([
      { type: "refresh-clock" },
      { type: "focus-field", select: true },
      { type: "report-failure", failure },
    ]);
  });

  it("repeats the answer for the same code instead of spending another attempt", () => {
    const refused = play(verifying(), { type: "verify-failed", failure: wrongCode(3) }).state;
    const step = play(refused, { type: "submitted", code: "123-456" });
    expect(step.commands).not.toContainEqual(expect.objectContaining({ type: "verify" }));
    expect(step.commands).not.toContainEqual(expect.objectContaining({ type: "report-failure" }));
    // A new key, so the same sentence is announced again.
    expect(step.state.alert?.key).toBe(2);
    expect(step.state.alert?.message).toEqual(refused.alert?.message);
  });

  it("sends a different code to the server", () => {
    const refused = play(verifying(), { type: "verify-failed", failure: wrongCode(3) }).state;
    expect(play(refused, { type: "submitted", code: "654321" }).commands).toContainEqual({
      type: "verify",
      code: "654321",
    });
  });

  it("blocks resending until the dead code expires after the last attempt", () => {
    const step = play(verifying(), { type: "verify-failed", failure: wrongCode(0) });
    expect(step.state.resendBlockedUntil).toBe(sent.expiresAt);
  });

  it("asks the server again about an app code, which may be right a moment later", () => {
    const state = play(appForm(), { type: "submitted", code: "123456" }).state;
    const refused = play(state, { type: "verify-failed", failure: wrongCode(3) }).state;
    expect(refused.refused).toBeNull();
    expect(play(refused, { type: "submitted", code: "123456" }).commands).toContainEqual({
      type: "verify",
      code: "123456",
    });
  });
});

describe("refusals", () => {
  it("lets a new code be asked for at once when the code expired", () => {
    const failure: RefusalDetails = { reason: "expired" };
    const step = play(verifying(), { type: "verify-failed", failure });
    expect(step.state.resendBlockedUntil).toBe(0);
    expect(step.state.alert?.message).toEqual({ failure, codeExpiresAt: sent.expiresAt });
    expect(step.state.refused).toBeNull();
    expect(step.commands).toContainEqual({ type: "report-failure", failure });
  });

  it("lets a new code be asked for at once when none is pending", () => {
    const step = play(verifying(), {
      type: "verify-failed",
      failure: { reason: "no-active-code" },
    });
    expect(step.state.resendBlockedUntil).toBe(0);
  });

  it.each(["attempts-exhausted", "cooldown", "rate-limited", "locked"] as const)(
    "waits to resend until the server allows it (%s)",
    (reason) => {
      const retryAt = T + 15 * 60_000;
      const step = play(verifying(), { type: "verify-failed", failure: { reason, retryAt } });
      expect(step.state.resendBlockedUntil).toBe(retryAt);
      const withoutTime = play(verifying(), { type: "verify-failed", failure: { reason } });
      expect(withoutTime.state.resendBlockedUntil).toBe(sent.resendAvailableAt);
    },
  );

  it("shows an error the server did not explain, and reports nothing", () => {
    const error = new Error("offline");
    const step = play(verifying(), { type: "verify-failed", error });
    expect(step.state.alert?.message).toEqual({ error });
    expect(step.state.phase).toBe("ready");
    expect(step.commands).not.toContainEqual(expect.objectContaining({ type: "report-failure" }));
  });

  it("announces the same refusal again with a new key", () => {
    const failure: RefusalDetails = { reason: "locked-until-recovery" };
    const once = play(verifying(), { type: "verify-failed", failure }).state;
    const twice = play(
      once,
      { type: "submitted", code: "111111" },
      {
        type: "verify-failed",
        failure,
      },
    ).state;
    expect(twice.alert?.message).toEqual(once.alert?.message);
    expect(twice.alert?.key).not.toBe(once.alert?.key);
  });
});

describe("resending", () => {
  const next: SendVerificationCodeResult = {
    ...sent,
    expiresAt: T + 11 * 60_000,
    resendAvailableAt: T + 2 * 60_000,
    attemptsLeft: 5,
  };

  it("sends once while a resend is on its way", () => {
    const step = play(sentForm(), { type: "resend-pressed" });
    expect(step.commands).toEqual([{ type: "resend" }]);
    expect(step.state.resending).toBe(true);
    expect(play(step.state, { type: "resend-pressed" }).commands).toEqual([]);
  });

  it("never resends an app code", () => {
    expect(play(appForm(), { type: "resend-pressed" }).commands).toEqual([]);
  });

  it("starts over with the new code: empty field, no alert, a new cooldown", () => {
    const refused = play(
      verifying(),
      { type: "verify-failed", failure: wrongCode(2) },
      { type: "typed", value: "12" },
    ).state;
    const step = play(refused, { type: "resend-pressed" }, { type: "resent", sent: next });
    expect(step.state).toMatchObject({
      sent: next,
      code: "",
      alert: null,
      refused: null,
      resending: false,
      resendBlockedUntil: next.resendAvailableAt,
    });
    expect(step.state.resent).toEqual({ key: 1, message: next.maskedDestination });
    expect(step.commands).toEqual([
      { type: "refresh-clock" },
      { type: "focus-field", select: false },
    ]);
  });

  it("announces a second resend to the same address again", () => {
    const once = play(sentForm(), { type: "resend-pressed" }, { type: "resent", sent: next });
    const twice = play(once.state, { type: "resend-pressed" }, { type: "resent", sent: next });
    expect(twice.state.resent?.message).toBe(once.state.resent?.message);
    expect(twice.state.resent?.key).not.toBe(once.state.resent?.key);
  });

  it("replaces the resent notice with the alert of a later failure", () => {
    const resent = play(sentForm(), { type: "resend-pressed" }, { type: "resent", sent: next });
    const failed = play(resent.state, { type: "submitted", code: "1" }).state;
    expect(failed.resent).toBeNull();
    expect(failed.alert).not.toBeNull();
  });

  it("shows a refused resend and keeps in step with the server's wait", () => {
    const retryAt = T + 5 * 60_000;
    const failure: RefusalDetails = { reason: "rate-limited", retryAt };
    const step = play(sentForm(), { type: "resend-pressed" }, { type: "resend-failed", failure });
    expect(step.state.resending).toBe(false);
    expect(step.state.resendBlockedUntil).toBe(retryAt);
    expect(step.state.alert?.message).toEqual({ failure, codeExpiresAt: sent.expiresAt });
  });
});

describe("what the form shows", () => {
  it("says each delivery step politely, and a failed delivery as an alert", () => {
    expect(deliveryNotice(undefined)).toEqual({ line: undefined, failed: false });
    expect(deliveryNotice("sending")).toEqual({ line: "onItsWay", failed: false });
    expect(deliveryNotice("sent")).toEqual({ line: "onItsWay", failed: false });
    expect(deliveryNotice("delivered")).toEqual({ line: "delivered", failed: false });
    expect(deliveryNotice("failed")).toEqual({ line: undefined, failed: true });
  });

  it("follows the delivery while the code can still be used", () => {
    expect(followsDelivery(sentForm())).toBe(true);
    expect(followsDelivery(verifying())).toBe(true);
  });

  it("counts the attempts left only once one was used", () => {
    expect(attemptsLeftShown(sentForm())).toBeUndefined();
    expect(attemptsLeftShown(initialCodeFormState({ ...sent, attemptsLeft: 2 }, false))).toBe(2);
    expect(attemptsLeftShown(appForm())).toBeUndefined();
  });
});

describe("the lock after too many wrong codes", () => {
  const until = T + 15 * 60_000;
  const lockStarted: RefusalDetails = {
    reason: "wrong-code",
    triesBeforeLock: 0,
    lockedUntil: until,
  };

  it("warns of the nearest limit: the lock, once few tries are left before it", () => {
    expect(LOCK_WARNING_FROM).toBe(5);
    expect(LOCK_WARNING_MINUTES).toBe(15);
    const wrong = (details: Omit<RefusalDetails, "reason">) =>
      wrongCodeWarning({ reason: "wrong-code", ...details });
    // An app code: nothing to count but the lock, said only once it is near.
    expect(wrong({ triesBeforeLock: 9 })).toEqual({ kind: "none" });
    expect(wrong({ triesBeforeLock: 6 })).toEqual({ kind: "none" });
    expect(wrong({ triesBeforeLock: 5 })).toEqual({ kind: "lock-near", triesLeft: 5 });
    expect(wrong({ triesBeforeLock: 1 })).toEqual({ kind: "lock-near", triesLeft: 1 });
    expect(wrong({})).toEqual({ kind: "none" });
    // A sent code: its own attempts, unless the lock comes as soon or sooner.
    expect(wrong({ attemptsLeft: 4, triesBeforeLock: 8 })).toEqual({
      kind: "attempts-left",
      attemptsLeft: 4,
    });
    expect(wrong({ attemptsLeft: 2, triesBeforeLock: 5 })).toEqual({
      kind: "attempts-left",
      attemptsLeft: 2,
    });
    expect(wrong({ attemptsLeft: 3, triesBeforeLock: 3 })).toEqual({
      kind: "lock-near",
      triesLeft: 3,
    });
    expect(wrong({ attemptsLeft: 4, triesBeforeLock: 2 })).toEqual({
      kind: "lock-near",
      triesLeft: 2,
    });
    expect(wrong({ attemptsLeft: 0, triesBeforeLock: 4 })).toEqual({ kind: "code-spent" });
    expect(wrong({ attemptsLeft: 0 })).toEqual({ kind: "code-spent" });
    // The wrong code that locked says until when, whatever else is counted.
    expect(wrong({ attemptsLeft: 2, triesBeforeLock: 0, lockedUntil: until })).toEqual({
      kind: "lock-started",
      until,
    });
  });

  it("is told by a locking wrong code, a locked refusal, or a lock until a recovery code", () => {
    expect(codeLockOf(lockStarted)).toEqual({ until });
    expect(codeLockOf({ reason: "locked", retryAt: until })).toEqual({ until });
    expect(codeLockOf({ reason: "locked-until-recovery" })).toEqual({ until: undefined });
    expect(codeLockOf({ reason: "wrong-code", triesBeforeLock: 1 })).toBeUndefined();
    expect(codeLockOf({ reason: "rate-limited", retryAt: until })).toBeUndefined();
    expect(lockHolds(null, T)).toBe(false);
    expect(lockHolds({ until }, until - 1)).toBe(true);
    expect(lockHolds({ until }, until)).toBe(false);
    expect(lockHolds({ until: undefined }, until * 2)).toBe(true);
  });

  it("takes Resend away until the lock ends, when it comes back", () => {
    const step = play(verifying(), { type: "verify-failed", failure: lockStarted });
    expect(step.state.lock).toEqual({ until });
    expect(step.state.resendBlockedUntil).toBe(until);
    expect(step.state.alert?.message).toEqual({
      failure: lockStarted,
      codeExpiresAt: sent.expiresAt,
    });
    expect(resendOffered(step.state, until - 1)).toBe(false);
    expect(resendOffered(step.state, until)).toBe(true);
    expect(resendOffered(sentForm(), T)).toBe(true);
  });

  it("keeps Resend away for a lock that only a recovery code ends", () => {
    const failure: RefusalDetails = { reason: "locked-until-recovery" };
    const step = play(verifying(), { type: "verify-failed", failure });
    expect(resendOffered(step.state, until * 2)).toBe(false);
  });

  it("takes Resend away when a resend is refused as locked", () => {
    const failure: RefusalDetails = { reason: "locked", retryAt: until };
    const step = play(sentForm(), { type: "resend-pressed" }, { type: "resend-failed", failure });
    expect(resendOffered(step.state, T)).toBe(false);
    expect(resendOffered(step.state, until)).toBe(true);
  });

  it("is over once a code was sent", () => {
    const locked = play(verifying(), { type: "verify-failed", failure: lockStarted }).state;
    const resent = play(locked, { type: "resend-pressed" }, { type: "resent", sent }).state;
    expect(resent.lock).toBeNull();
  });

  it("never offers Resend for an app code", () => {
    expect(resendOffered(appForm(), T)).toBe(false);
  });

  it("announces the same refusal of an app code again, each time", () => {
    const failure: RefusalDetails = { reason: "wrong-code", triesBeforeLock: 7 };
    const once = play(
      appForm(),
      { type: "submitted", code: "123456" },
      { type: "verify-failed", failure },
    ).state;
    const twice = play(
      once,
      { type: "submitted", code: "123456" },
      { type: "verify-failed", failure },
    ).state;
    expect(twice.alert?.message).toEqual(once.alert?.message);
    expect(twice.alert?.key).toBe((once.alert?.key ?? 0) + 1);
  });
});

describe("a sent code's last wrong guess", () => {
  const spent = () => play(verifying(), { type: "verify-failed", failure: wrongCode(0) }).state;

  it("spends the code: Verify gives way to the time a new one can be sent", () => {
    const state = spent();
    expect(state.spent).toBe(true);
    expect(state.resendBlockedUntil).toBe(sent.expiresAt);
    expect(play(verifying(), { type: "verify-failed", failure: wrongCode(1) }).state.spent).toBe(
      false,
    );
  });

  it("answers a code typed into a spent form without asking the server", () => {
    const step = play(
      spent(),
      { type: "typed", value: "654321" },
      { type: "submitted", code: "654321" },
    );
    expect(step.commands.some((command) => command.type === "verify")).toBe(false);
    expect(step.state.alert?.message).toEqual(spent().alert?.message);
  });

  it("is over when a new code arrives", () => {
    const resent = { ...sent, expiresAt: T + 20 * 60_000 };
    const state = play(spent(), { type: "resend-pressed" }, { type: "resent", sent: resent }).state;
    expect(state.spent).toBe(false);
    expect(play(state, { type: "submitted", code: "654321" }).commands).toContainEqual({
      type: "verify",
      code: "654321",
    });
  });

  it("is not a thing for the authenticator app, which has no attempts to spend", () => {
    const app = play(appForm(), { type: "submitted", code: "123456" }).state;
    expect(
      play(app, { type: "verify-failed", failure: { reason: "wrong-code", attemptsLeft: 0 } }).state
        .spent,
    ).toBe(false);
  });
});
