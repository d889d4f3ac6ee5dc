// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SendVerificationCodeResult, VerifyCodeResult } from "@dash2fa/shared";
import { resetServer } from "@/test/firebase-fakes";
import { refusal, renderWithQueries } from "@/test/support";
import { VerificationCodeForm, type VerificationCodeFormProps } from "./code-form";

/** The server, one handler per callable; everything between it and the form is real. */
const server = await vi.hoisted(async () =>
  (await import("@/test/firebase-fakes")).codeCallables(),
);

/**
 * The owner's delivery mirrors, as the realtime listener reports them: like the SDK, a
 * listener is first told of the document as it is, then of every change pushed here.
 */
const live = vi.hoisted(() => {
  type Mirror = { state: string; codeExpiresAt: number; updatedAt: number } | undefined;
  type Listener = { id: string; onChange: (m: Mirror) => void; onError: (e: unknown) => void };
  const mirrors = new Map<string, Mirror>();
  const listening = new Set<Listener>();
  return {
    mirrors,
    listening,
    refuse: false,
    started: 0,
    push(id: string, mirror: Mirror) {
      mirrors.set(id, mirror);
      for (const listener of listening) if (listener.id === id) listener.onChange(mirror);
    },
    listen(id: string, onChange: Listener["onChange"], onError: Listener["onError"]) {
      this.started += 1;
      const listener = { id, onChange, onError };
      const refused = this.refuse;
      listening.add(listener);
      queueMicrotask(() => {
        if (!listening.has(listener)) return;
        if (refused) {
          listening.delete(listener);
          onError(new Error("Missing or insufficient permissions."));
        } else onChange(mirrors.get(id));
      });
      return () => listening.delete(listener);
    },
  };
});

vi.mock("@/lib/live-firestore", () => ({
  listenToDelivery: (...args: Parameters<typeof live.listen>) => live.listen(...args),
}));

vi.mock("firebase/functions", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeCallables(await importOriginal(), server),
);

const accepted: VerifyCodeResult = {
  purpose: "enroll",
  method: "email",
  maskedDestination: "a•••@example.com",
  customToken: "custom-token",
};

function sentCode(overrides: Partial<SendVerificationCodeResult> = {}) {
  return {
    purpose: "enroll",
    method: "email",
    maskedDestination: "a•••@example.com",
    expiresAt: Date.now() + 10 * 60_000,
    resendAvailableAt: Date.now() + 60_000,
    attemptsLeft: 5,
    ...overrides,
  } satisfies SendVerificationCodeResult;
}

const request = {
  purpose: "enroll",
  method: "email",
  destination: "ana@example.com",
} as const;

function renderForm(props: Partial<VerificationCodeFormProps> = {}) {
  const onVerified = vi.fn<VerificationCodeFormProps["onVerified"]>();
  const onFailure = vi.fn();
  renderWithQueries(
    <VerificationCodeForm
      request={request}
      sent={sentCode()}
      onVerified={onVerified}
      onFailure={onFailure}
      {...(props as object)}
    />,
  );
  return { onVerified, onFailure, user: userEvent.setup() };
}

const codeField = () => screen.getByRole("textbox", { name: "Verification code" });
const verifyButton = () => screen.getByRole("button", { name: "Verify" });

beforeEach(() => {
  resetServer(server);
  server.verifyCode.mockResolvedValue(accepted);
  server.getDeliveryStatus.mockResolvedValue({ state: "sending" });
  live.mirrors.clear();
  live.listening.clear();
  live.refuse = false;
  live.started = 0;
});

const mirror = (state: string, codeExpiresAt: number) => ({
  state,
  codeExpiresAt,
  updatedAt: Date.now(),
});

afterEach(cleanup);

describe("a sent code", () => {
  it("says where it went, takes focus and counts down to Resend", async () => {
    renderForm();
    expect(screen.getByText("We sent a code to a•••@example.com.")).toBeTruthy();
    expect(screen.getByText(/^The code expires at /)).toBeTruthy();
    expect(document.activeElement).toBe(codeField());
    expect(codeField().getAttribute("aria-invalid")).toBeNull();
    expect(
      screen.getByRole("textbox", {
        description: "Enter the 6 digits. Spaces and dashes are fine.",
      }),
    ).toBe(codeField());
    const resend = screen.getByRole("button", { name: /^Resend code in \d+ s$/ });
    expect(resend).toHaveProperty("disabled", true);
    expect(screen.queryByText(/attempts? left/)).toBeNull();
    // Beside "We sent a code", the message is on its way, never "Sending…".
    await screen.findByText("On its way…");
    expect(screen.queryByText(/Sending/)).toBeNull();
  });

  it("follows the message as it changes, without asking the server, until delivered", async () => {
    const sent = sentCode();
    renderForm({ sent });
    await screen.findByText("On its way…");
    act(() => live.push("enroll_email", mirror("sent", sent.expiresAt)));
    expect(screen.getByText("On its way…")).toBeTruthy();
    act(() => live.push("enroll_email", mirror("delivered", sent.expiresAt)));
    expect(screen.getByText("Delivered")).toBeTruthy();
    // Final: the listener stopped, and the callable was never needed.
    expect(live.listening.size).toBe(0);
    expect(live.started).toBe(1);
    expect(server.getDeliveryStatus).not.toHaveBeenCalled();
  });

  it("takes a mirror written for an earlier code as still on its way", async () => {
    const sent = sentCode();
    live.mirrors.set("enroll_email", mirror("delivered", sent.expiresAt - 60_000));
    renderForm({ sent });
    await screen.findByText("On its way…");
    expect(screen.queryByText("Delivered")).toBeNull();
    expect(live.listening.size).toBe(1);
  });

  it("asks the server instead when it cannot listen", async () => {
    live.refuse = true;
    server.getDeliveryStatus.mockResolvedValue({ state: "delivered" });
    renderForm();
    expect(await screen.findByText("Delivered")).toBeTruthy();
    expect(server.getDeliveryStatus).toHaveBeenCalledWith({ purpose: "enroll", method: "email" });
  });

  it("stops listening when the form closes", async () => {
    const { unmount } = renderWithQueries(
      <VerificationCodeForm request={request} sent={sentCode()} onVerified={vi.fn()} />,
    );
    await screen.findByText("On its way…");
    expect(live.listening.size).toBe(1);
    unmount();
    expect(live.listening.size).toBe(0);
  });

  it("does not listen for a code that has already expired", () => {
    renderForm({ sent: sentCode({ expiresAt: Date.now() - 1 }) });
    expect(live.started).toBe(0);
  });

  it("alerts when the message could not be delivered, and offers the way out first", async () => {
    const sent = sentCode();
    live.mirrors.set("enroll_email", mirror("failed", sent.expiresAt));
    const onSelect = vi.fn();
    const onDeliveryFailed = vi.fn();
    const { user } = renderForm({
      sent,
      whenUndelivered: { label: "Change the address", onSelect },
      onDeliveryFailed,
    });
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe(
      "We couldn't deliver the email to a•••@example.com. The address may be wrong, or the mailbox may not accept mail.",
    );
    // A code that never arrived: no expiry or attempts to read.
    expect(screen.queryByText(/^The code expires at /)).toBeNull();
    expect(onDeliveryFailed).toHaveBeenCalledTimes(1);
    const buttons = screen.getAllByRole("button").map((button) => button.textContent);
    expect(buttons[0]).toBe("Change the address");
    await user.click(screen.getByRole("button", { name: "Change the address" }));
    expect(onSelect).toHaveBeenCalledTimes(1);
  });

  it("says how many attempts are left once one was used", () => {
    renderForm({ sent: sentCode({ attemptsLeft: 2 }) });
    expect(screen.getByText("You have 2 attempts left.")).toBeTruthy();
  });
});

describe("entering the code", () => {
  it("submits by itself once the last digit is typed, and only once", async () => {
    const { user, onVerified } = renderForm();
    await user.type(codeField(), "123 456");
    await user.click(verifyButton());
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith(accepted));
    expect(server.verifyCode).toHaveBeenCalledTimes(1);
    expect(server.verifyCode).toHaveBeenCalledWith({
      purpose: "enroll",
      method: "email",
      code: "123456",
    });
  });

  it("asks to remember this browser when told to", async () => {
    const { user } = renderForm({ rememberDevice: true });
    await user.type(codeField(), "123456");
    await waitFor(() =>
      expect(server.verifyCode).toHaveBeenCalledWith(
        expect.objectContaining({ rememberDevice: true }),
      ),
    );
  });

  it("is busy while the server checks the code, and sends it once", async () => {
    let answer: (result: VerifyCodeResult) => void = () => undefined;
    server.verifyCode.mockReturnValue(new Promise((resolve) => (answer = resolve)));
    const { user, onVerified } = renderForm();
    await user.type(codeField(), "123456");
    await user.click(verifyButton());
    await waitFor(() => expect(verifyButton().getAttribute("aria-busy")).toBe("true"));
    // Pressed again while the first press is being checked: the code is not sent twice.
    await user.click(verifyButton());
    expect(server.verifyCode).toHaveBeenCalledTimes(1);
    answer(accepted);
    await waitFor(() => expect(onVerified).toHaveBeenCalledTimes(1));
    await waitFor(() => expect(verifyButton().getAttribute("aria-busy")).toBe("false"));
  });

  it("refuses a malformed code without asking the server", async () => {
    const { user, onFailure } = renderForm();
    await user.type(codeField(), "12a");
    await user.click(verifyButton());
    expect((await screen.findByRole("alert")).textContent).toBe("Enter the 6-digit code.");
    expect(server.verifyCode).not.toHaveBeenCalled();
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ reason: "invalid-input" }));
  });
});

describe("a wrong code", () => {
  it("says so, marks the field, and does not spend an attempt on the same code", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "wrong-code", attemptsLeft: 3 }));
    const { user, onFailure, onVerified } = renderForm();
    await user.type(codeField(), "123456");
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toBe("That code is not correct. 3 attempts left.");
    expect(codeField().getAttribute("aria-invalid")).toBe("true");
    expect(
      screen.getByRole("textbox", {
        description:
          "Enter the 6 digits. Spaces and dashes are fine. That code is not correct. 3 attempts left.",
      }),
    ).toBe(codeField());
    expect(document.activeElement).toBe(codeField());
    expect(onFailure).toHaveBeenCalledWith({ reason: "wrong-code", attemptsLeft: 3 });

    await user.click(verifyButton());
    const again = await screen.findByRole("alert");
    // A new alert, so the same words are announced again.
    expect(again).not.toBe(alert);
    expect(again.textContent).toBe("That code is not correct. 3 attempts left.");
    expect(server.verifyCode).toHaveBeenCalledTimes(1);
    expect(onVerified).not.toHaveBeenCalled();
  });

  it("sends a corrected code", async () => {
    server.verifyCode.mockRejectedValueOnce(refusal({ reason: "wrong-code", attemptsLeft: 3 }));
    const { user, onVerified } = renderForm();
    await user.type(codeField(), "123456");
    await screen.findByRole("alert");
    await user.clear(codeField());
    await user.type(codeField(), "654321");
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith(accepted));
    expect(server.verifyCode).toHaveBeenLastCalledWith(expect.objectContaining({ code: "654321" }));
  });
});

describe("the sent code's last wrong guess", () => {
  it("takes Verify and the old expiry away, and says when a new code can come", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "wrong-code", attemptsLeft: 0 }));
    const { user } = renderForm();
    expect(screen.getByText(/The code expires at/)).toBeTruthy();
    await user.type(codeField(), "123456");
    const first = await screen.findByRole("alert");
    expect(screen.queryByRole("button", { name: "Verify" })).toBeNull();
    expect(screen.queryByText(/The code expires at/)).toBeNull();
    expect(
      screen.getByText(/This code can't be used any more\. You can get a new one at/),
    ).toBeTruthy();

    // Another code typed into the spent form goes nowhere.
    await user.clear(codeField());
    await user.type(codeField(), "654321");
    // Said again (a new alert), after the auto-submit, without a second call.
    await waitFor(() => expect(screen.getByRole("alert")).not.toBe(first));
    expect(server.verifyCode).toHaveBeenCalledTimes(1);
  });
});

describe("refusals", () => {
  it("offers a new code at once when the code expired", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "expired" }));
    const { user } = renderForm();
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "That code has expired. Request a new one.",
    );
    expect(screen.getByRole("button", { name: "Resend code" })).toHaveProperty("disabled", false);
  });

  it("shows the lockout", async () => {
    server.verifyCode.mockRejectedValue(
      refusal({ reason: "locked", retryAt: Date.now() + 15 * 60_000 }),
    );
    const { user } = renderForm();
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^Too many wrong codes\. Verification is locked until /,
    );
  });

  it("shows what went wrong after the server accepted the code", async () => {
    const { user, onVerified } = renderForm();
    onVerified.mockRejectedValue(new Error("upgrade failed"));
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toBe("Something went wrong. Try again.");
    expect(verifyButton().getAttribute("aria-busy")).toBe("false");
  });
});

describe("resending", () => {
  it("sends a new code, says so and starts over", async () => {
    const next = sentCode({ maskedDestination: "a•••@example.com" });
    server.sendVerificationCode.mockResolvedValue(next);
    server.verifyCode.mockRejectedValue(refusal({ reason: "expired" }));
    const { user } = renderForm();
    await user.type(codeField(), "123456");
    await screen.findByRole("alert");

    await user.click(screen.getByRole("button", { name: "Resend code" }));
    expect(server.sendVerificationCode).toHaveBeenCalledWith(request);
    const status = await screen.findByText("We sent a new code to a•••@example.com.");
    expect(status.closest('[role="status"]')).not.toBeNull();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(codeField()).toHaveProperty("value", "");
    expect(document.activeElement).toBe(codeField());
    expect(screen.getByRole("button", { name: /^Resend code in \d+ s$/ })).toHaveProperty(
      "disabled",
      true,
    );
  });

  it("shows a refused resend", async () => {
    server.sendVerificationCode.mockRejectedValue(
      refusal({ reason: "rate-limited", retryAt: Date.now() + 60 * 60_000 }),
    );
    const { user } = renderForm({ sent: sentCode({ resendAvailableAt: Date.now() - 1 }) });
    await user.click(screen.getByRole("button", { name: "Resend code" }));
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^Too many codes requested\. Try again at /,
    );
  });
});

describe("an authenticator app code", () => {
  const appRequest = { purpose: "sign-in", method: "totp" } as const;

  it("asks for the app's code, with nothing to resend or follow", () => {
    renderForm({ request: appRequest, sent: undefined });
    expect(screen.getByText("Enter the 6-digit code from your authenticator app.")).toBeTruthy();
    expect(screen.queryByRole("button", { name: /Resend code/ })).toBeNull();
    expect(server.getDeliveryStatus).not.toHaveBeenCalled();
    expect(live.started).toBe(0);
  });

  it("asks the server again about a refused code, which may be right a moment later", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "wrong-code" }));
    const { user } = renderForm({ request: appRequest, sent: undefined });
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^That code is not correct\. Enter the code your authenticator app shows/,
    );
    await user.click(verifyButton());
    await waitFor(() => expect(server.verifyCode).toHaveBeenCalledTimes(2));
  });
});

describe("the lock after too many wrong codes", () => {
  const appRequest = { purpose: "sign-in", method: "totp" } as const;
  const wrongAppCode =
    "That code is not correct. Enter the code your authenticator app shows for this account now, and check that your phone's clock is right.";

  it("says nothing of it while it is far off", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "wrong-code", triesBeforeLock: 8 }));
    const { user } = renderForm({ request: appRequest, sent: undefined });
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toBe(wrongAppCode);
  });

  it("warns of it for an app code once few tries are left, and each time again", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "wrong-code", triesBeforeLock: 3 }));
    const { user } = renderForm({ request: appRequest, sent: undefined });
    await user.type(codeField(), "123456");
    const alert = await screen.findByRole("alert");
    const warning = `${wrongAppCode} 3 tries left before verification locks for 15 minutes.`;
    expect(alert.textContent).toBe(warning);

    await user.click(verifyButton());
    await waitFor(() => expect(server.verifyCode).toHaveBeenCalledTimes(2));
    // The same words, in a new alert: a screen reader reads them again.
    await waitFor(() => expect(screen.getByRole("alert")).not.toBe(alert));
    expect(screen.getByRole("alert").textContent).toBe(warning);
  });

  it("says one try for the last one", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "wrong-code", triesBeforeLock: 1 }));
    const { user } = renderForm({ request: appRequest, sent: undefined });
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toBe(
      `${wrongAppCode} 1 try left before verification locks for 15 minutes.`,
    );
  });

  it("warns of it for a sent code when it comes before the code's own attempts run out", async () => {
    server.verifyCode.mockRejectedValueOnce(
      refusal({ reason: "wrong-code", attemptsLeft: 2, triesBeforeLock: 5 }),
    );
    server.verifyCode.mockRejectedValueOnce(
      refusal({ reason: "wrong-code", attemptsLeft: 4, triesBeforeLock: 2 }),
    );
    const { user } = renderForm();
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "That code is not correct. 2 attempts left.",
    );
    await user.clear(codeField());
    await user.type(codeField(), "654321");
    await waitFor(() =>
      expect(screen.getByRole("alert").textContent).toBe(
        "That code is not correct. 2 tries left before verification locks for 15 minutes.",
      ),
    );
  });

  it("says until when the wrong code that started it locks, and takes Resend away", async () => {
    server.verifyCode.mockRejectedValue(
      refusal({
        reason: "wrong-code",
        attemptsLeft: 3,
        triesBeforeLock: 0,
        lockedUntil: Date.now() + 15 * 60_000,
      }),
    );
    const { user, onFailure } = renderForm({ sent: sentCode({ resendAvailableAt: 0 }) });
    expect(screen.getByRole("button", { name: "Resend code" })).toBeTruthy();
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^That code is not correct\. Too many wrong codes\. Verification is locked until (\S+ )?\d{1,2}:\d{2}\.$/,
    );
    expect(screen.queryByRole("button", { name: /Resend code/ })).toBeNull();
    expect(onFailure).toHaveBeenCalledWith(expect.objectContaining({ triesBeforeLock: 0 }));
  });

  it("gives Resend back when the lock ends", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "locked", retryAt: Date.now() + 1000 }));
    const { user } = renderForm({ sent: sentCode({ resendAvailableAt: 0 }) });
    await user.type(codeField(), "123456");
    await screen.findByRole("alert");
    expect(screen.queryByRole("button", { name: /Resend code/ })).toBeNull();
    expect(
      await screen.findByRole("button", { name: "Resend code" }, { timeout: 3000 }),
    ).toHaveProperty("disabled", false);
  });

  it("keeps Resend away while only a recovery code can end it", async () => {
    server.verifyCode.mockRejectedValue(refusal({ reason: "locked-until-recovery" }));
    const { user } = renderForm({ sent: sentCode({ resendAvailableAt: 0 }) });
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Verification is locked after too many wrong codes. Use a recovery code to unlock it.",
    );
    expect(screen.queryByRole("button", { name: /Resend code/ })).toBeNull();
  });
});

it("offers Cancel when it may be cancelled", async () => {
  const onCancel = vi.fn();
  const { user } = renderForm({ onCancel });
  await user.click(screen.getByRole("button", { name: "Cancel" }));
  expect(onCancel).toHaveBeenCalledTimes(1);
});
