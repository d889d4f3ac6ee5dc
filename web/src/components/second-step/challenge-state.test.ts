import { describe, expect, it } from "vitest";
import type {
  RefusalDetails,
  SendVerificationCodeResult,
  TwoFactorMethod,
  TwoFactorStatusDoc,
} from "@dash2fa/shared";
import {
  challengeTransition,
  initialChallengeState,
  methodsOffered,
  shown,
  wayBackFromRecovery,
  type ChallengeEvent,
  type ChallengeState,
  type ChallengeStep,
} from "./challenge-state";

const T = 1_750_000_000_000;

function statusWith(...methods: TwoFactorMethod[]): TwoFactorStatusDoc {
  return {
    methods: Object.fromEntries(
      methods.map((method) => [method, { enabled: true, maskedDestination: "", enabledAt: 1 }]),
    ),
    required: methods.length > 0,
    sessionsValidAfter: 0,
    recoveryCodesRemaining: 10,
  };
}

function sentCode(method: "email" | "phone", expiresAt = T + 10 * 60_000) {
  return {
    purpose: "sign-in",
    method,
    maskedDestination: method === "email" ? "a•••@example.com" : "+995 5•• ••• •11",
    expiresAt,
    resendAvailableAt: T + 60_000,
    attemptsLeft: 5,
  } satisfies SendVerificationCodeResult;
}

function play(state: ChallengeState, ...events: ChallengeEvent[]): ChallengeStep {
  let step: ChallengeStep = { state, commands: [] };
  for (const event of events) step = challengeTransition(step.state, event);
  return step;
}

const opened = (...methods: TwoFactorMethod[]) =>
  play(initialChallengeState(statusWith(...methods)), { type: "opened" });

describe("opening", () => {
  it("suggests the strongest method, and waits for 'Send code' when it was not used last", () => {
    const step = opened("email", "phone");
    expect(step.state.method).toBe("phone");
    expect(step.commands).toEqual([]);
    expect(shown(step.state)).toEqual({ kind: "ready", method: "phone" });
    expect(step.state.focusForm).toBe(true);

    const pressed = play(step.state, { type: "send-pressed" });
    expect(pressed.commands).toEqual([{ type: "send", method: "phone" }]);
    expect(shown(pressed.state)).toEqual({ kind: "sending", method: "phone" });
    expect(play(pressed.state, { type: "send-pressed" }).commands).toEqual([]);
  });

  it("sends at once the code of the method used last, or of the only method", () => {
    // Shown as sending from the first frame, before the effect that sends it runs.
    expect(
      shown(initialChallengeState({ ...statusWith("email", "phone"), lastUsedMethod: "phone" })),
    ).toEqual({ kind: "sending", method: "phone" });
    const lastUsed = play(
      initialChallengeState({ ...statusWith("email", "phone"), lastUsedMethod: "phone" }),
      { type: "opened" },
    );
    expect(lastUsed.commands).toEqual([{ type: "send", method: "phone" }]);
    const preferred = play(
      initialChallengeState({
        ...statusWith("email", "phone", "totp"),
        preferredMethod: "email",
        lastUsedMethod: "totp",
      }),
      { type: "opened" },
    );
    expect(preferred.state.method).toBe("email");
    expect(preferred.commands).toEqual([{ type: "send", method: "email" }]);
    expect(shown(lastUsed.state)).toEqual({ kind: "sending", method: "phone" });
    expect(opened("email").commands).toEqual([{ type: "send", method: "email" }]);
  });

  it("sends nothing for the authenticator app or a passkey", () => {
    const app = opened("email", "totp");
    expect(app.commands).toEqual([]);
    expect(shown(app.state)).toEqual({ kind: "app" });
    const passkey = opened("totp", "passkey");
    expect(passkey.commands).toEqual([]);
    expect(shown(passkey.state)).toEqual({ kind: "passkey" });
  });

  it("goes straight to a recovery code when no method is on", () => {
    const step = opened();
    expect(step.state.method).toBeUndefined();
    expect(shown(step.state)).toEqual({ kind: "recovery" });
    expect(step.commands).toEqual([]);
  });

  it("sends once when opened twice (effects run twice in development)", () => {
    const twice = play(opened("email").state, { type: "opened" });
    expect(twice.commands).toEqual([]);
  });
});

describe("sending", () => {
  it("shows the form with the code once it is sent", () => {
    const sent = sentCode("email");
    const step = play(opened("email").state, { type: "code-sent", method: "email", sent });
    expect(shown(step.state)).toEqual({
      kind: "code",
      method: "email",
      sent,
      version: 1,
      undelivered: false,
    });
  });

  it("resumes the code sent a moment ago when the server says to wait", () => {
    const earlier = sentCode("email");
    const step = play(opened("email").state, {
      type: "send-failed",
      method: "email",
      error: new Error("cooldown"),
      reason: "cooldown",
      earlier,
    });
    expect(shown(step.state)).toMatchObject({ kind: "code", sent: earlier });
  });

  it("does not resume an earlier code for any other refusal", () => {
    const error = new Error("rate limited");
    const step = play(opened("email").state, {
      type: "send-failed",
      method: "email",
      error,
      reason: "rate-limited",
      earlier: sentCode("email"),
    });
    expect(shown(step.state)).toEqual({
      kind: "send-failed",
      method: "email",
      error,
      retryable: true,
      version: 1,
    });
  });

  it("offers no retry when only a recovery code can help", () => {
    const step = play(opened("email").state, {
      type: "send-failed",
      method: "email",
      error: new Error("method-not-enabled"),
      reason: "method-not-enabled",
      earlier: undefined,
    });
    expect(shown(step.state)).toMatchObject({ kind: "send-failed", retryable: false });
    // Locked until a recovery code: the lock shows instead (see "a lock").
    const locked = play(opened("email").state, {
      type: "send-failed",
      method: "email",
      error: new Error("locked-until-recovery"),
      reason: "locked-until-recovery",
      earlier: undefined,
    });
    expect(shown(locked.state)).toMatchObject({ kind: "locked", until: undefined });
  });

  it("sends again on request, showing 'sending' and then a new form", () => {
    const failed = play(opened("email").state, {
      type: "send-failed",
      method: "email",
      error: new Error("offline"),
      reason: undefined,
      earlier: undefined,
    }).state;
    const again = play(failed, { type: "send-again", method: "email" });
    expect(again.commands).toEqual([{ type: "send", method: "email" }]);
    expect(shown(again.state)).toEqual({ kind: "sending", method: "email" });
    const sent = play(again.state, {
      type: "code-sent",
      method: "email",
      sent: sentCode("email"),
    }).state;
    expect(shown(sent)).toMatchObject({ kind: "code", version: 2 });
  });

  it("gives a repeated failure a new version, so it is announced again", () => {
    const failure: ChallengeEvent = {
      type: "send-failed",
      method: "email",
      error: new Error("offline"),
      reason: undefined,
      earlier: undefined,
    };
    const once = play(opened("email").state, failure).state;
    const twice = play(once, { type: "send-again", method: "email" }, failure).state;
    expect(shown(twice)).toMatchObject({ kind: "send-failed", version: 2 });
  });
});

describe("choosing another method", () => {
  /** The app suggested, nothing sent yet. */
  const appFirst = () => opened("email", "phone", "totp").state;

  it("lists the others and sends nothing until one is chosen", () => {
    const step = play(appFirst(), { type: "chooser-opened" });
    expect(shown(step.state)).toEqual({ kind: "choose" });
    expect(step.commands).toEqual([]);
  });

  it("sends the chosen method's code and focuses its form", () => {
    const step = play(
      appFirst(),
      { type: "chooser-opened" },
      { type: "method-chosen", method: "email", now: T },
    );
    expect(step.commands).toEqual([{ type: "send", method: "email" }]);
    expect(step.state).toMatchObject({ method: "email", mode: "method", focusForm: true });
  });

  it("keeps a code that still works when switching back to its method", () => {
    const sent = sentCode("email");
    const withEmail = play(
      appFirst(),
      { type: "method-chosen", method: "email", now: T },
      { type: "code-sent", method: "email", sent },
      { type: "method-chosen", method: "totp", now: T },
    ).state;
    const back = play(withEmail, { type: "method-chosen", method: "email", now: T + 60_000 });
    expect(back.commands).toEqual([]);
    expect(shown(back.state)).toEqual({
      kind: "code",
      method: "email",
      sent,
      version: 1,
      undelivered: false,
    });
  });

  it("does not send again while the first code is still on its way", () => {
    const step = play(
      appFirst(),
      { type: "method-chosen", method: "email", now: T },
      { type: "method-chosen", method: "totp", now: T },
      { type: "method-chosen", method: "email", now: T },
    );
    expect(step.commands).toEqual([]);
    expect(shown(step.state)).toEqual({ kind: "sending", method: "email" });
  });

  it("sends a new code when the one for the chosen method has expired", () => {
    const withEmail = play(
      appFirst(),
      { type: "method-chosen", method: "email", now: T },
      { type: "code-sent", method: "email", sent: sentCode("email", T + 60_000) },
      { type: "method-chosen", method: "totp", now: T },
    ).state;
    const back = play(withEmail, { type: "method-chosen", method: "email", now: T + 60_000 });
    expect(back.commands).toEqual([{ type: "send", method: "email" }]);
    expect(shown(back.state)).toEqual({ kind: "sending", method: "email" });
  });

  it("goes back to the method on screen without sending again", () => {
    const step = play(
      opened("email", "phone").state,
      { type: "chooser-opened" },
      {
        type: "method-shown",
      },
    );
    expect(step.commands).toEqual([]);
    expect(step.state).toMatchObject({ mode: "method", method: "phone" });
  });
});

describe("a recovery code", () => {
  it("is always an option, and focuses its field", () => {
    const step = play(opened("totp").state, { type: "recovery-chosen" });
    expect(shown(step.state)).toEqual({ kind: "recovery" });
    expect(step.state.focusForm).toBe(true);
  });

  it("leads back to the method, sending nothing on the way back", () => {
    // A recovery code chosen before the app's list: email was never requested.
    const recovering = play(
      opened("totp", "email").state,
      { type: "method-chosen", method: "totp", now: T },
      { type: "recovery-chosen" },
    ).state;
    expect(play(recovering, { type: "method-shown" }).commands).toEqual([]);

    const noCodeYet: ChallengeState = { ...recovering, method: "email" };
    const back = play(noCodeYet, { type: "method-shown" });
    expect(back.commands).toEqual([]);
    expect(shown(back.state)).toEqual({ kind: "ready", method: "email" });
  });
});

it("remembers 'Remember this device' across methods", () => {
  const step = play(
    opened("email", "totp").state,
    { type: "remember-changed", remember: true },
    { type: "method-chosen", method: "email", now: T },
    { type: "recovery-chosen" },
  );
  expect(step.state.remember).toBe(true);
});

describe("a lock after too many wrong codes", () => {
  const until = T + 15 * 60_000;
  const lockStarted: RefusalDetails = {
    reason: "wrong-code",
    triesBeforeLock: 0,
    lockedUntil: until,
  };
  /** The app on screen (email enabled too) and the wrong code that locked. */
  const lockedOnApp = () =>
    play(opened("totp", "email").state, { type: "code-refused", failure: lockStarted });
  const sendLocked = (method: "email" | "phone", retryAt = until): ChallengeEvent => ({
    type: "send-failed",
    method,
    error: new Error("locked"),
    reason: "locked",
    retryAt,
    earlier: undefined,
  });

  it("replaces the code form with the lock when a wrong code starts it, and focuses it", () => {
    const step = lockedOnApp();
    expect(step.commands).toEqual([]);
    expect(shown(step.state)).toEqual({ kind: "locked", failure: lockStarted, until, version: 1 });
    expect(step.state.focusForm).toBe(true);
  });

  it("changes nothing for a wrong code that did not lock", () => {
    const before = opened("totp", "email").state;
    const failure: RefusalDetails = { reason: "wrong-code", triesBeforeLock: 3 };
    const step = play(before, { type: "code-refused", failure });
    expect(step.state).toBe(before);
    expect(shown(step.state)).toEqual({ kind: "app" });
  });

  it("shows a refused code or send that says it is locked, with until when", () => {
    const refused: RefusalDetails = { reason: "locked", retryAt: until };
    const typed = play(opened("totp").state, { type: "code-refused", failure: refused });
    expect(shown(typed.state)).toMatchObject({ kind: "locked", failure: refused, until });

    const sent = play(opened("email").state, sendLocked("email"));
    expect(shown(sent.state)).toMatchObject({ kind: "locked", failure: refused, until });
  });

  it("gives each new lock refusal a new version, so it is announced again", () => {
    const once = lockedOnApp().state;
    const twice = play(once, { type: "code-refused", failure: lockStarted }).state;
    expect(shown(twice)).toMatchObject({ kind: "locked", version: 2 });
  });

  it("sends no code while it holds, whichever code method is chosen", () => {
    const locked = lockedOnApp().state;
    const email = play(locked, { type: "method-chosen", method: "email", now: T });
    expect(email.commands).toEqual([]);
    expect(shown(email.state)).toMatchObject({ kind: "locked" });
    expect(play(email.state, { type: "send-again", method: "email" }).commands).toEqual([]);
    const back = play(email.state, { type: "recovery-chosen" }, { type: "method-shown" });
    expect(back.commands).toEqual([]);
    expect(shown(back.state)).toMatchObject({ kind: "locked" });
  });

  it("offers only what still works: a passkey and a recovery code", () => {
    const locked = lockedOnApp().state;
    expect(methodsOffered(locked, ["passkey", "phone", "email"])).toEqual(["passkey"]);
    expect(methodsOffered(locked, ["email"])).toEqual([]);
    const unlocked = opened("totp", "email").state;
    expect(methodsOffered(unlocked, ["passkey", "email"])).toEqual(["passkey", "email"]);

    const passkey = play(locked, { type: "method-chosen", method: "passkey", now: T });
    expect(shown(passkey.state)).toEqual({ kind: "passkey" });
    expect(shown(play(locked, { type: "recovery-chosen" }).state)).toEqual({ kind: "recovery" });
  });

  it("leads back from a recovery code to the lock, not to a code", () => {
    const recovering = play(lockedOnApp().state, { type: "recovery-chosen" }).state;
    expect(wayBackFromRecovery(recovering)).toBe("lock");
    expect(wayBackFromRecovery(play(opened("totp").state, { type: "recovery-chosen" }).state)).toBe(
      "code",
    );
    expect(wayBackFromRecovery(opened("passkey").state)).toBe("passkey");
    expect(wayBackFromRecovery(opened().state)).toBeUndefined();
  });

  it("gives the code methods back when its time has come, not before", () => {
    const locked = lockedOnApp().state;
    const early = play(locked, { type: "lock-ended", now: until - 1 });
    expect(early.state).toBe(locked);
    const ended = play(locked, { type: "lock-ended", now: until });
    expect(ended.state.lock).toBeNull();
    expect(ended.commands).toEqual([]);
    expect(shown(ended.state)).toEqual({ kind: "app" });
    expect(ended.state.focusForm).toBe(true);
    expect(methodsOffered(ended.state, ["email"])).toEqual(["email"]);
  });

  it("holds until a recovery code when it has no end", () => {
    const failure: RefusalDetails = { reason: "locked-until-recovery" };
    const locked = play(opened("totp").state, { type: "code-refused", failure }).state;
    expect(shown(locked)).toMatchObject({ kind: "locked", until: undefined });
    expect(play(locked, { type: "lock-ended", now: until * 2 }).state).toBe(locked);
  });

  it("offers 'Send code' again for the code on screen that the lock refused once it ends", () => {
    const locked = play(opened("email").state, sendLocked("email")).state;
    const ended = play(locked, { type: "lock-ended", now: until });
    expect(ended.commands).toEqual([]);
    expect(shown(ended.state)).toEqual({ kind: "ready", method: "email" });
    expect(play(ended.state, { type: "send-pressed" }).commands).toEqual([
      { type: "send", method: "email" },
    ]);
  });

  it("forgets an expired code on screen when it ends, and keeps one that still works", () => {
    const sent = sentCode("email", T + 10 * 60_000);
    const locked = play(
      opened("email").state,
      { type: "code-sent", method: "email", sent },
      { type: "code-refused", failure: lockStarted },
    ).state;
    const expired = play(locked, { type: "lock-ended", now: until });
    expect(expired.commands).toEqual([]);
    expect(shown(expired.state)).toEqual({ kind: "ready", method: "email" });

    const short: RefusalDetails = { ...lockStarted, lockedUntil: T + 60_000 };
    const briefly = play(
      opened("email").state,
      { type: "code-sent", method: "email", sent },
      {
        type: "code-refused",
        failure: short,
      },
    ).state;
    const kept = play(briefly, { type: "lock-ended", now: T + 60_000 });
    expect(kept.commands).toEqual([]);
    expect(shown(kept.state)).toMatchObject({ kind: "code", sent });
  });

  it("asks afresh, when chosen after it, for another method's code it refused", () => {
    const refusedEmail = play(
      opened("totp", "email").state,
      { type: "method-chosen", method: "email", now: T },
      sendLocked("email"),
      { type: "method-chosen", method: "totp", now: T },
    ).state;
    const ended = play(refusedEmail, { type: "lock-ended", now: until });
    expect(ended.commands).toEqual([]);
    expect(shown(ended.state)).toEqual({ kind: "app" });
    const email = play(ended.state, { type: "method-chosen", method: "email", now: until });
    expect(email.commands).toEqual([{ type: "send", method: "email" }]);
  });

  it("waits on the recovery code or the list when it ends there", () => {
    const recovering = play(opened("email").state, sendLocked("email"), {
      type: "recovery-chosen",
    }).state;
    const ended = play(recovering, { type: "lock-ended", now: until });
    expect(ended.commands).toEqual([]);
    expect(shown(ended.state)).toEqual({ kind: "recovery" });
    const back = play(ended.state, { type: "method-shown" });
    expect(back.commands).toEqual([]);
    expect(shown(back.state)).toEqual({ kind: "ready", method: "email" });
  });
});

describe("after a reload", () => {
  it("resumes the method this tab chose, with the code it holds, and sends nothing", () => {
    const state = initialChallengeState(statusWith("email", "totp"), {
      method: "email",
      sent: sentCode("email"),
    });
    const step = play(state, { type: "opened" });
    expect(step.state.method).toBe("email");
    expect(step.commands).toEqual([]);
    expect(shown(step.state)).toMatchObject({ kind: "code", method: "email" });
  });

  it("sends the chosen method a new code when it holds none", () => {
    const state = initialChallengeState(statusWith("email", "totp"), { method: "email" });
    const step = play(state, { type: "opened" });
    expect(step.state.method).toBe("email");
    expect(step.commands).toEqual([{ type: "send", method: "email" }]);
  });

  it("falls back to the suggested method when the chosen one was turned off", () => {
    const state = initialChallengeState(statusWith("totp"), {
      method: "email",
      sent: sentCode("email"),
    });
    expect(state.method).toBe("totp");
    expect(state.challenges).toEqual({});
  });

  it("does not take a code sent for another method as the chosen one's", () => {
    const state = initialChallengeState(statusWith("email", "phone"), {
      method: "email",
      sent: sentCode("phone"),
    });
    expect(play(state, { type: "opened" }).commands).toEqual([{ type: "send", method: "email" }]);
  });
});

describe("a message that could not be delivered", () => {
  it("marks the code on screen, so another method is offered first", () => {
    const sent = sentCode("phone");
    const onScreen = play(
      opened("phone").state,
      { type: "code-sent", method: "phone", sent },
      { type: "delivery-failed", method: "phone", sent },
    );
    expect(shown(onScreen.state)).toMatchObject({ kind: "code", undelivered: true });
    expect(onScreen.commands).toEqual([]);
  });

  it("ignores a report about an older code", () => {
    const older = sentCode("phone", T + 5 * 60_000);
    const step = play(
      opened("phone").state,
      { type: "code-sent", method: "phone", sent: sentCode("phone") },
      { type: "delivery-failed", method: "phone", sent: older },
    );
    expect(shown(step.state)).toMatchObject({ kind: "code", undelivered: false });
  });
});

describe("a send limit of the account or the network", () => {
  const refused = (limit: "user" | "destination" | "ip"): ChallengeEvent => ({
    type: "send-failed",
    method: "phone",
    error: new Error("rate limited"),
    reason: "rate-limited",
    retryAt: T + 15 * 60_000,
    limit,
    earlier: undefined,
  });

  it("blocks sends to every destination until its time", () => {
    for (const limit of ["user", "ip"] as const) {
      const step = play(opened("phone").state, refused(limit));
      expect(step.state.sendsBlockedUntil).toBe(T + 15 * 60_000);
    }
  });

  it("leaves the other destinations alone when only this one's limit refused", () => {
    const step = play(opened("phone").state, refused("destination"));
    expect(step.state.sendsBlockedUntil).toBeUndefined();
  });

  it("also follows a refused resend from the code form", () => {
    const step = play(opened("phone").state, {
      type: "code-refused",
      failure: { reason: "rate-limited", limit: "user", retryAt: T + 60_000 },
    });
    expect(step.state.sendsBlockedUntil).toBe(T + 60_000);
  });
});
