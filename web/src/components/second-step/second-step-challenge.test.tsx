// @vitest-environment happy-dom
import { cleanup, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { SendVerificationCodeResult, TwoFactorStatusDoc } from "@dash2fa/shared";
import { getSession } from "@/lib/session";
import { resetServer, statusWith } from "@/test/firebase-fakes";
import { refusal, renderWithQueries } from "@/test/support";
import { SecondStepChallenge } from "./second-step-challenge";

/** The server, one handler per callable; everything between it and the challenge is real. */
const server = await vi.hoisted(async () =>
  (await import("@/test/firebase-fakes")).codeCallables(),
);

vi.mock("firebase/functions", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeCallables(await importOriginal(), server),
);

/** Auth: signed in with a password, waiting for the second step. */
vi.mock("firebase/auth", async (importOriginal) => {
  const { fakeUser, withFakeAuth } = await import("@/test/firebase-fakes");
  return withFakeAuth(await importOriginal(), { signedIn: fakeUser() });
});

function sentCode(): SendVerificationCodeResult {
  return {
    purpose: "sign-in",
    method: "email",
    maskedDestination: "a•••@example.com",
    expiresAt: Date.now() + 10 * 60_000,
    resendAvailableAt: Date.now() + 60_000,
    attemptsLeft: 5,
  };
}

function renderChallenge(status: TwoFactorStatusDoc) {
  renderWithQueries(
    <SecondStepChallenge purpose="sign-in" status={status} onVerified={() => undefined} />,
  );
  return userEvent.setup();
}

const codeField = () => screen.getByRole("textbox", { name: "Verification code" });
const noCodeField = () => screen.queryByRole("textbox", { name: "Verification code" });
const button = (name: string) => screen.getByRole("button", { name });
const noButton = (name: string | RegExp) => screen.queryByRole("button", { name });
const fifteenMinutes = () => Date.now() + 15 * 60_000;
/** A time today, or a day and time when the lock ends tomorrow. */
const lockedUntil = /Verification is locked until (\S+ )?\d{1,2}:\d{2}\.$/;

beforeAll(async () => {
  await waitFor(() => expect(getSession().status).toBe("signed-in"));
});

beforeEach(() => {
  resetServer(server);
  server.getDeliveryStatus.mockResolvedValue({ state: "sent" });
  window.sessionStorage.clear();
});

afterEach(cleanup);

describe("wrong app codes", () => {
  it("warn of the lock, then say until when and offer a recovery code instead", async () => {
    server.verifyCode
      .mockRejectedValueOnce(refusal({ reason: "wrong-code", triesBeforeLock: 1 }))
      .mockRejectedValueOnce(
        refusal({ reason: "wrong-code", triesBeforeLock: 0, lockedUntil: fifteenMinutes() }),
      );
    const user = renderChallenge(statusWith(["totp", "email"]));
    await user.type(codeField(), "123456");
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /1 try left before verification locks for 15 minutes\.$/,
    );

    await user.clear(codeField());
    await user.type(codeField(), "654321");
    await user.click(button("Verify"));
    await waitFor(() => expect(noCodeField()).toBeNull());
    const alert = screen.getByRole("alert");
    expect(alert.textContent).toMatch(/^That code is not correct\. Too many wrong codes\. /);
    expect(alert.textContent).toMatch(lockedUntil);
    expect(
      screen.getByText(
        "You can still verify with a recovery code. Codes work again when the lock ends.",
      ),
    ).toBeTruthy();
    // Nothing that would send or ask for a code, which the lock refuses.
    expect(noButton("Use another method")).toBeNull();
    expect(noButton("Try sending again")).toBeNull();
    expect(noButton(/Resend code/)).toBeNull();
    expect(server.sendVerificationCode).not.toHaveBeenCalled();
    expect(document.activeElement).toBe(button("Use a recovery code"));

    await user.click(button("Use a recovery code"));
    expect(screen.getByRole("textbox", { name: "Recovery code" })).toBeTruthy();
    // Back leads to the lock, not to a code.
    expect(noButton("Use a verification code instead")).toBeNull();
    await user.click(button("Back"));
    expect(screen.getByRole("alert").textContent).toMatch(lockedUntil);
  });
});

describe("a send refused by the lock", () => {
  it("offers the passkey and a recovery code, not sending again", async () => {
    server.sendVerificationCode.mockRejectedValue(
      refusal({ reason: "locked", retryAt: fifteenMinutes() }),
    );
    const user = renderChallenge(statusWith(["email", "passkey"]));
    // The passkey comes first; email is chosen from the list.
    await user.click(button("Use another method"));
    await user.click(screen.getByRole("button", { name: /^Email/ }));

    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toMatch(/^Too many wrong codes\. /);
    expect(alert.textContent).toMatch(lockedUntil);
    expect(
      screen.getByText(
        "You can still verify with your passkey or a recovery code. Codes work again when the lock ends.",
      ),
    ).toBeTruthy();
    expect(noButton("Try sending again")).toBeNull();
    expect(button("Use a recovery code")).toBeTruthy();
    expect(document.activeElement).toBe(button("Use your passkey instead"));

    await user.click(button("Use your passkey instead"));
    expect(button("Use your passkey")).toBeTruthy();
    // The list no longer offers email while the lock holds.
    expect(noButton("Use another method")).toBeNull();
    expect(server.sendVerificationCode).toHaveBeenCalledTimes(1);
  });

  it("says only a recovery code helps when it locks until one is used", async () => {
    server.sendVerificationCode.mockRejectedValue(refusal({ reason: "locked-until-recovery" }));
    renderChallenge(statusWith(["email"]));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Verification is locked after too many wrong codes. Use a recovery code to unlock it.",
    );
    expect(screen.getByText("You can still verify with a recovery code.")).toBeTruthy();
    expect(noButton("Try sending again")).toBeNull();
  });

  it("offers 'Send code' when the lock ends, and sends only when it is pressed", async () => {
    server.sendVerificationCode
      .mockRejectedValueOnce(refusal({ reason: "locked", retryAt: Date.now() + 100 }))
      .mockResolvedValueOnce(sentCode());
    const user = renderChallenge(statusWith(["email"]));
    expect((await screen.findByRole("alert")).textContent).toMatch(lockedUntil);
    const send = await screen.findByRole("button", { name: "Send code" }, { timeout: 3000 });
    expect(screen.queryByRole("alert")).toBeNull();
    expect(server.sendVerificationCode).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(document.activeElement).toBe(send));
    await user.click(send);
    expect(await screen.findByText("We sent a code to a•••@example.com.")).toBeTruthy();
    expect(server.sendVerificationCode).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(document.activeElement).toBe(codeField()));
  });
});

describe("spending the send budget", () => {
  it("sends no code until 'Send code' when the method was not the one used last", async () => {
    server.sendVerificationCode.mockResolvedValueOnce(sentCode());
    renderChallenge(statusWith(["email", "phone"], { lastUsedMethod: "email" }));
    // Phone is suggested as the stronger one, but email was used last: email is sent.
    expect(await screen.findByText("We sent a code to a•••@example.com.")).toBeTruthy();
    expect(server.sendVerificationCode).toHaveBeenCalledTimes(1);
    cleanup();
    window.sessionStorage.clear();

    server.sendVerificationCode.mockReset().mockResolvedValueOnce(sentCode());
    const fresh = renderChallenge(statusWith(["totp", "email"]));
    expect(server.sendVerificationCode).not.toHaveBeenCalled();
    await fresh.click(button("Use another method"));
    await fresh.click(screen.getByRole("button", { name: /^Email/ }));
    expect(await screen.findByText("We sent a code to a•••@example.com.")).toBeTruthy();
    await fresh.click(button("Use another method"));
    await fresh.click(screen.getByRole("button", { name: /^Authenticator app/ }));
    await fresh.click(button("Use another method"));
    await fresh.click(screen.getByRole("button", { name: /^Email/ }));
    // Switching back to a method whose code still works sends nothing more.
    expect(server.sendVerificationCode).toHaveBeenCalledTimes(1);
  });

  it("waits, counting down, before 'Try sending again' can work", async () => {
    server.sendVerificationCode.mockRejectedValueOnce(
      refusal({ reason: "rate-limited", limit: "user", retryAt: Date.now() + 90_000 }),
    );
    renderChallenge(statusWith(["email"]));
    expect((await screen.findByRole("alert")).textContent).toMatch(/5 codes in 15 minutes/);
    const again = screen.getByRole("button", { name: /^Try sending again in (89|90) s$/ });
    expect((again as HTMLButtonElement).disabled).toBe(true);
  });
});

describe("the list of methods while no code can be sent", () => {
  it("offers email and SMS disabled, with the time, and the app as it is", async () => {
    server.sendVerificationCode.mockRejectedValueOnce(
      refusal({ reason: "rate-limited", limit: "user", retryAt: Date.now() + 10 * 60_000 }),
    );
    const user = renderChallenge(statusWith(["email", "totp"], { lastUsedMethod: "email" }));
    await screen.findByRole("alert");
    await user.click(button("Use another method"));
    const app = screen.getByRole("button", { name: /^Authenticator app/ });
    expect((app as HTMLButtonElement).disabled).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(app));
    cleanup();
    window.sessionStorage.clear();

    server.sendVerificationCode
      .mockReset()
      .mockRejectedValueOnce(
        refusal({ reason: "rate-limited", limit: "user", retryAt: Date.now() + 10 * 60_000 }),
      );
    const again = renderChallenge(statusWith(["email", "totp"], { lastUsedMethod: "totp" }));
    await again.click(button("Use another method"));
    await again.click(screen.getByRole("button", { name: /^Email/ }));
    await screen.findByRole("alert");
    await again.click(button("Use another method"));
    await again.click(screen.getByRole("button", { name: /^Authenticator app/ }));
    await again.click(button("Use another method"));
    const email = screen.getByRole("button", { name: /^Email/ });
    expect((email as HTMLButtonElement).disabled).toBe(true);
    expect(email.textContent).toMatch(/No more codes can be sent until \d{1,2}:\d{2}$/);
  });
});
