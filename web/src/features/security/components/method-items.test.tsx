// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type {
  DisableMethodResult,
  SendVerificationCodeResult,
  TwoFactorMethodStatus,
  VerifyCodeResult,
} from "@dash2fa/shared";
import type { StepUp } from "@/components/second-step";
import { resetServer, type CallableHandler } from "@/test/firebase-fakes";
import { refusal, renderWithQueries } from "@/test/support";
import { SentCodeMethodItem } from "./sent-code-method-item";
import { TotpMethodItem } from "./totp-method-item";

/** The server, one handler per callable; everything between it and the rows is real. */
const server = vi.hoisted(() => ({
  sendVerificationCode: vi.fn<CallableHandler>(),
  verifyCode: vi.fn<CallableHandler>(),
  getDeliveryStatus: vi.fn<CallableHandler>(),
  disableMethod: vi.fn<CallableHandler>(),
  startTotpEnrollment: vi.fn<CallableHandler>(),
}));

/**
 * Auth's one call to the server here: signing in with the re-issued session's token, which
 * carries the verification just made (so a later confirmation needs no step-up).
 */
const signInWithCustomToken = vi.hoisted(() =>
  vi.fn(async () => {
    const { fakeUser, justVerified } = await import("@/test/firebase-fakes");
    return { user: fakeUser({ claims: justVerified }) };
  }),
);

vi.mock("firebase/functions", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeCallables(await importOriginal(), server),
);

vi.mock("firebase/auth", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeAuth(await importOriginal(), {
    signInWithCustomToken,
  }),
);

/** No recent verification is needed in these tests: the action runs as it is. */
const withStepUp: StepUp["withStepUp"] = (action) => action();

const enabledEmail: TwoFactorMethodStatus = {
  enabled: true,
  maskedDestination: "a•••@example.com",
  enabledAt: 1,
};

function sentTo(
  maskedDestination: string,
  method: "email" | "phone" = "email",
): SendVerificationCodeResult {
  return {
    purpose: "enroll",
    method,
    maskedDestination,
    expiresAt: Date.now() + 10 * 60_000,
    resendAvailableAt: Date.now() + 60_000,
    attemptsLeft: 5,
  };
}

const verified: VerifyCodeResult = {
  purpose: "enroll",
  method: "email",
  maskedDestination: "a•••@example.com",
  customToken: "custom-token",
};

function renderEmailRow(props: Partial<Parameters<typeof SentCodeMethodItem>[0]> = {}) {
  const handlers = {
    onVerified: vi.fn(async () => undefined),
    onDisabled: vi.fn<(result: DisableMethodResult) => void>(),
    onCancelled: vi.fn(),
  };
  renderWithQueries(
    <ul>
      <SentCodeMethodItem
        method="email"
        status={undefined}
        loading={false}
        onlyEnabledMethod={false}
        accountEmail="ana@example.com"
        withStepUp={withStepUp}
        {...handlers}
        {...props}
      />
    </ul>,
  );
  return { ...handlers, user: userEvent.setup() };
}

const row = (name: string) => screen.getByRole("listitem", { name });

beforeEach(() => {
  resetServer(server);
  server.getDeliveryStatus.mockResolvedValue({ state: "sent" });
  server.verifyCode.mockResolvedValue(verified);
  signInWithCustomToken.mockClear();
});

afterEach(cleanup);

describe("a method's row", () => {
  it("names the method and says it is off, with Enable", () => {
    renderEmailRow();
    const email = row("Email");
    expect(within(email).getByText("Disabled")).toBeTruthy();
    expect(within(email).getByRole("button", { name: "Enable Email" })).toBeTruthy();
    expect(within(email).queryByRole("button", { name: "Disable Email" })).toBeNull();
  });

  it("shows where codes go when it is on, with Change and Disable", () => {
    renderEmailRow({ status: enabledEmail });
    const email = row("Email");
    expect(within(email).getByText("Enabled")).toBeTruthy();
    expect(within(email).getByText("a•••@example.com")).toBeTruthy();
    expect(within(email).getByRole("button", { name: "Change Email" })).toBeTruthy();
    expect(within(email).getByRole("button", { name: "Disable Email" })).toBeTruthy();
  });

  it("offers nothing to press while the status loads", () => {
    renderEmailRow({ loading: true });
    const email = row("Email");
    expect(within(email).getByText("Loading status…")).toBeTruthy();
    expect(within(email).queryByRole("button")).toBeNull();
  });
});

describe("enabling email", () => {
  it("sends a code to the account's address and turns on with the code", async () => {
    server.sendVerificationCode.mockResolvedValue(sentTo("a•••@example.com"));
    const { user, onVerified } = renderEmailRow();
    await user.click(screen.getByRole("button", { name: "Enable Email" }));

    const address = screen.getByRole("textbox", { name: "Email address" });
    expect(address).toHaveProperty("value", "ana@example.com");
    await waitFor(() => expect(document.activeElement).toBe(address));
    await user.click(screen.getByRole("button", { name: "Send code" }));
    expect(server.sendVerificationCode).toHaveBeenCalledWith({
      purpose: "enroll",
      method: "email",
      destination: "ana@example.com",
    });

    const dialog = await screen.findByRole("dialog", { name: "Enter verification code" });
    expect(within(dialog).getByText("We sent a code to a•••@example.com.")).toBeTruthy();
    const code = within(dialog).getByRole("textbox", { name: "Verification code" });
    await waitFor(() => expect(document.activeElement).toBe(code));
    await user.type(code, "123456");

    await waitFor(() => expect(onVerified).toHaveBeenCalledWith(verified, false));
    expect(server.verifyCode).toHaveBeenCalledWith({
      purpose: "enroll",
      method: "email",
      code: "123456",
    });
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(screen.queryByRole("textbox", { name: "Email address" })).toBeNull();
  });

  it("refuses an address that is not one, without sending", async () => {
    const { user } = renderEmailRow({ accountEmail: "" });
    await user.click(screen.getByRole("button", { name: "Enable Email" }));
    await user.type(screen.getByRole("textbox", { name: "Email address" }), "not an address");
    await user.click(screen.getByRole("button", { name: "Send code" }));
    const address = await screen.findByRole("textbox", {
      name: "Email address",
      description: /Enter a valid email address\./,
    });
    expect(address.getAttribute("aria-invalid")).toBe("true");
    expect(server.sendVerificationCode).not.toHaveBeenCalled();
  });

  it("shows a refused send in the form", async () => {
    server.sendVerificationCode.mockRejectedValue(refusal({ reason: "rate-limited" }));
    const { user } = renderEmailRow();
    await user.click(screen.getByRole("button", { name: "Enable Email" }));
    await user.click(screen.getByRole("button", { name: "Send code" }));
    expect((await screen.findByRole("alert")).textContent).toBe(
      "Too many codes requested. Try again later.",
    );
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("gives focus back to Enable when the form is cancelled", async () => {
    const { user } = renderEmailRow();
    await user.click(screen.getByRole("button", { name: "Enable Email" }));
    await user.click(screen.getByRole("button", { name: "Cancel" }));
    expect(screen.queryByRole("textbox", { name: "Email address" })).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole("button", { name: "Enable Email" }));
  });

  it("reopens the code already sent when asked again within the cooldown", async () => {
    server.sendVerificationCode
      .mockResolvedValueOnce(sentTo("a•••@example.com"))
      .mockRejectedValueOnce(refusal({ reason: "cooldown", retryAt: Date.now() + 60_000 }));
    const { user, onCancelled } = renderEmailRow();
    await user.click(screen.getByRole("button", { name: "Enable Email" }));
    await user.click(screen.getByRole("button", { name: "Send code" }));
    const dialog = await screen.findByRole("dialog", { name: "Enter verification code" });
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(onCancelled).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());

    await user.click(screen.getByRole("button", { name: "Send code" }));
    expect(await screen.findByRole("dialog", { name: "Enter verification code" })).toBeTruthy();
    expect(server.sendVerificationCode).toHaveBeenCalledTimes(2);
    expect(screen.queryByText(/Please wait/)).toBeNull();
  });

  it("says a changed address is a change", async () => {
    server.sendVerificationCode.mockResolvedValue(sentTo("b•••@example.com"));
    const { user, onVerified } = renderEmailRow({ status: enabledEmail });
    await user.click(screen.getByRole("button", { name: "Change Email" }));
    // A new address replaces the old one: the account's is not suggested.
    const address = screen.getByRole("textbox", { name: "Email address" });
    expect(address).toHaveProperty("value", "");
    await user.type(address, "bo@example.com");
    await user.click(screen.getByRole("button", { name: "Send code" }));
    const dialog = await screen.findByRole("dialog", { name: "Enter verification code" });
    await user.type(within(dialog).getByRole("textbox", { name: "Verification code" }), "123456");
    await waitFor(() => expect(onVerified).toHaveBeenCalledWith(verified, true));
  });
});

describe("enabling the phone", () => {
  it("explains a number that cannot get texts, and sends to a valid one in E.164", async () => {
    server.sendVerificationCode.mockResolvedValue(sentTo("+995 5•• ••• •11", "phone"));
    const user = userEvent.setup();
    renderWithQueries(
      <ul>
        <SentCodeMethodItem
          method="phone"
          status={undefined}
          loading={false}
          onlyEnabledMethod={false}
          accountEmail="ana@example.com"
          withStepUp={withStepUp}
          onVerified={vi.fn(async () => undefined)}
          onDisabled={vi.fn()}
          onCancelled={vi.fn()}
        />
      </ul>,
    );
    await user.click(
      within(row("Phone number")).getByRole("button", { name: "Enable Phone number" }),
    );
    // The phone form loads on demand (libphonenumber's metadata is large).
    expect(await screen.findByRole("combobox", { name: "Country" })).toBeTruthy();
    const phone = screen.getByRole("textbox", { name: "Phone number" });
    await user.type(phone, "12");
    await user.click(screen.getByRole("button", { name: "Send code" }));
    expect(
      await screen.findByRole("textbox", {
        name: "Phone number",
        description: /Enter a valid mobile number\./,
      }),
    ).toBe(phone);
    expect(server.sendVerificationCode).not.toHaveBeenCalled();

    await user.clear(phone);
    await user.type(phone, "555 00 01 11");
    await user.click(screen.getByRole("button", { name: "Send code" }));
    await waitFor(() =>
      expect(server.sendVerificationCode).toHaveBeenCalledWith({
        purpose: "enroll",
        method: "phone",
        destination: "+995555000111",
      }),
    );
    expect(await screen.findByRole("dialog", { name: "Enter verification code" })).toBeTruthy();
  });
});

describe("disabling", () => {
  const disabled: DisableMethodResult = {
    method: "email",
    remainingMethods: ["totp"],
    customToken: "reissued",
  };

  it("asks first, then turns the method off with the re-issued session", async () => {
    server.disableMethod.mockResolvedValue(disabled);
    const { user, onDisabled } = renderEmailRow({ status: enabledEmail });
    await user.click(screen.getByRole("button", { name: "Disable Email" }));

    const confirm = await screen.findByRole("dialog", { name: "Disable Email?" });
    expect(
      within(confirm).getByText("You will no longer get sign-in codes this way."),
    ).toBeTruthy();
    // Cancel has focus first, so Enter does no harm.
    await waitFor(() =>
      expect(document.activeElement).toBe(within(confirm).getByRole("button", { name: "Cancel" })),
    );
    expect(server.disableMethod).not.toHaveBeenCalled();

    await user.click(within(confirm).getByRole("button", { name: "Disable Email" }));
    await waitFor(() => expect(onDisabled).toHaveBeenCalledTimes(1));
    expect(onDisabled.mock.calls[0]?.[0]).toEqual(disabled);
    expect(server.disableMethod).toHaveBeenCalledWith({ method: "email" });
    expect(signInWithCustomToken).toHaveBeenCalledWith(expect.anything(), "reissued");
  });

  it("warns that turning off the only method turns 2FA off", async () => {
    const { user } = renderEmailRow({ status: enabledEmail, onlyEnabledMethod: true });
    await user.click(screen.getByRole("button", { name: "Disable Email" }));
    const confirm = await screen.findByRole("dialog", { name: "Disable Email?" });
    expect(within(confirm).getByText(/^This is your only method/)).toBeTruthy();
  });

  it("changes nothing when the confirmation is cancelled", async () => {
    const { user, onDisabled } = renderEmailRow({ status: enabledEmail });
    await user.click(screen.getByRole("button", { name: "Disable Email" }));
    const confirm = await screen.findByRole("dialog", { name: "Disable Email?" });
    await user.click(within(confirm).getByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(server.disableMethod).not.toHaveBeenCalled();
    expect(onDisabled).not.toHaveBeenCalled();
  });

  it("shows a refusal in the row", async () => {
    server.disableMethod.mockRejectedValue(refusal({ reason: "method-not-enabled" }));
    const { user, onDisabled } = renderEmailRow({ status: enabledEmail });
    await user.click(screen.getByRole("button", { name: "Disable Email" }));
    const confirm = await screen.findByRole("dialog", { name: "Disable Email?" });
    await user.click(within(confirm).getByRole("button", { name: "Disable Email" }));
    const alert = await within(row("Email")).findByRole("alert");
    expect(alert.textContent).toBe("This verification method is not turned on for your account.");
    expect(onDisabled).not.toHaveBeenCalled();
  });
});

describe("the authenticator app's row", () => {
  it("sets the app up with its first code", async () => {
    server.startTotpEnrollment.mockResolvedValue({
      secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
      otpauthUri: "otpauth://totp/Dashboard:ana%40example.com?secret=JBSWY3DPEHPK3PXP",
      expiresAt: Date.now() + 10 * 60_000,
    });
    server.verifyCode
      .mockRejectedValueOnce(refusal({ reason: "wrong-code" }))
      .mockResolvedValueOnce({ ...verified, method: "totp", maskedDestination: "" });
    const onVerified = vi.fn(async () => undefined);
    const user = userEvent.setup();
    renderWithQueries(
      <ul>
        <TotpMethodItem
          status={undefined}
          loading={false}
          onlyEnabledMethod={false}
          withStepUp={withStepUp}
          onVerified={onVerified}
          onDisabled={vi.fn()}
          onCancelled={vi.fn()}
        />
      </ul>,
    );
    await user.click(
      within(row("Authenticator app")).getByRole("button", { name: "Enable Authenticator app" }),
    );
    const dialog = await screen.findByRole("dialog", { name: "Set up the authenticator app" });
    expect(server.startTotpEnrollment).toHaveBeenCalledWith({});
    expect(within(dialog).queryByRole("button", { name: /Resend code/ })).toBeNull();

    const code = within(dialog).getByRole("textbox", { name: "Verification code" });
    await user.type(code, "000000");
    expect((await within(dialog).findByRole("alert")).textContent).toMatch(
      /^That code is not correct\./,
    );
    await user.clear(code);
    await user.type(code, "123456");
    await waitFor(() =>
      expect(onVerified).toHaveBeenCalledWith(expect.objectContaining({ method: "totp" })),
    );
    expect(server.verifyCode).toHaveBeenLastCalledWith({
      purpose: "enroll",
      method: "totp",
      code: "123456",
    });
  });
});
