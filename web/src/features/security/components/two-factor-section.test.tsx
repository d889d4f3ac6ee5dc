// @vitest-environment happy-dom
import { act, cleanup, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TwoFactorMethod, VerifyCodeResult } from "@dash2fa/shared";
import type { StepUp } from "@/components/second-step";
import { changeLocale } from "@/lib/i18n";
import {
  resetServer,
  statusWith,
  type CallableHandler,
  type StoredStatus,
} from "@/test/firebase-fakes";
import { renderWithQueries } from "@/test/support";
import { TwoFactorSection } from "./two-factor-section";

/** The server, one handler per callable; everything between it and the section is real. */
const server = vi.hoisted(() => ({
  disableMethod: vi.fn<CallableHandler>(),
  startTotpEnrollment: vi.fn<CallableHandler>(),
  verifyCode: vi.fn<CallableHandler>(),
}));

/** The status document as Firestore holds it; a test sets it before and after a change. */
const stored = vi.hoisted((): StoredStatus => ({ status: undefined }));

vi.mock("firebase/functions", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeCallables(await importOriginal(), server),
);

vi.mock("firebase/firestore/lite", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeStatusDocument(await importOriginal(), stored),
);

/**
 * Auth: Ana, signed in and verified moments ago (so no change asks "Confirm it's you");
 * a re-issued session is Ana again.
 */
vi.mock("firebase/auth", async (importOriginal) => {
  const { fakeUser, justVerified, withFakeAuth } = await import("@/test/firebase-fakes");
  const ana = fakeUser({ email: "ana@example.com", claims: justVerified });
  return withFakeAuth(await importOriginal(), {
    signedIn: ana,
    signInWithCustomToken: async () => ({ user: ana }),
  });
});

/** No recent verification is needed in these tests: the action runs as it is. */
const withStepUp: StepUp["withStepUp"] = (action) => action();

function renderSection(...methods: TwoFactorMethod[]) {
  stored.status = methods.length > 0 ? statusWith(methods) : undefined;
  const onRecoveryCodes = vi.fn();
  renderWithQueries(
    <TwoFactorSection
      withStepUp={withStepUp}
      onRecoveryCodes={onRecoveryCodes}
      codesPanel={null}
    />,
  );
  return { user: userEvent.setup(), onRecoveryCodes };
}

const notice = () => screen.getByRole("status");
const row = (name: string) => screen.getByRole("listitem", { name });

/** Presses Disable on the method's row and confirms, whatever the confirmation calls it. */
async function disable(user: ReturnType<typeof userEvent.setup>, method: string) {
  await user.click(await within(row(method)).findByRole("button", { name: `Disable ${method}` }));
  const confirm = await screen.findByRole("dialog", { name: /^Disable .+\?$/ });
  await user.click(within(confirm).getByRole("button", { name: /^Disable / }));
}

/** Sets the authenticator app up; the server answers `verified`. */
async function setUpApp(user: ReturnType<typeof userEvent.setup>, verified: VerifyCodeResult) {
  server.startTotpEnrollment.mockResolvedValue({
    secret: "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
    otpauthUri: "otpauth://totp/Dashboard:ana%40example.com?secret=JBSWY3DPEHPK3PXP",
    expiresAt: Date.now() + 10 * 60_000,
  });
  server.verifyCode.mockResolvedValue(verified);
  await user.click(
    await within(row("Authenticator app")).findByRole("button", {
      name: "Enable Authenticator app",
    }),
  );
  const dialog = await screen.findByRole("dialog", { name: "Set up the authenticator app" });
  await user.type(within(dialog).getByRole("textbox", { name: "Verification code" }), "123456");
}

const appVerified: VerifyCodeResult = {
  purpose: "enroll",
  method: "totp",
  maskedDestination: "",
  customToken: "reissued",
};

beforeEach(() => resetServer(server));

afterEach(async () => {
  cleanup();
  await act(async () => changeLocale("en"));
});

describe("the message after enabling a method", () => {
  it("says two-factor authentication is activated when the first method turned it on", async () => {
    const { user, onRecoveryCodes } = renderSection();
    await setUpApp(user, { ...appVerified, recoveryCodes: ["AAAA-BBBB"] });
    await waitFor(() =>
      expect(notice().textContent).toBe(
        "Two-factor authentication has been successfully activated.",
      ),
    );
    expect(onRecoveryCodes).toHaveBeenCalledWith(["AAAA-BBBB"]);
  });

  it("names the method when two-factor authentication was already on", async () => {
    const { user } = renderSection("email");
    await setUpApp(user, appVerified);
    await waitFor(() =>
      expect(notice().textContent).toBe(
        "The authenticator app has been added. You can now use it for the second step when you sign in.",
      ),
    );
    expect(notice().textContent).not.toContain("activated");
  });

  it("says the same in Georgian, keeping the product's activation sentence", async () => {
    const { user } = renderSection();
    await setUpApp(user, { ...appVerified, recoveryCodes: ["AAAA-BBBB"] });
    await waitFor(() =>
      expect(notice().textContent).toBe(
        "Two-factor authentication has been successfully activated.",
      ),
    );
    await act(async () => changeLocale("ka"));
    expect(notice().textContent).toBe("ორმაგი ავტორიზაცია წარმატებით გააქტიურდა.");
  });
});

describe("the message after disabling a method", () => {
  it("names the method and what still protects the account", async () => {
    const { user } = renderSection("email", "phone", "totp");
    server.disableMethod.mockResolvedValue({
      method: "email",
      remainingMethods: ["phone", "totp"],
      customToken: "reissued",
    });
    await disable(user, "Email");
    await waitFor(() =>
      expect(notice().textContent).toBe(
        "Email has been disabled. Your account is still protected by two-factor authentication. Still on: Phone number, Authenticator app.",
      ),
    );
    expect(server.disableMethod).toHaveBeenCalledWith({ method: "email" });
  });

  it("trusts the server's answer for what remains", async () => {
    // The page still shows two methods, but another browser had turned one off already.
    const { user } = renderSection("email", "totp");
    server.disableMethod.mockResolvedValue({
      method: "email",
      remainingMethods: [],
      customToken: "reissued",
    });
    await disable(user, "Email");
    await waitFor(() =>
      expect(notice().textContent).toBe(
        "Email has been disabled. Two-factor authentication is now off.",
      ),
    );
  });

  it("names the method and says two-factor authentication is off when it was the last", async () => {
    const { user } = renderSection("totp");
    server.disableMethod.mockResolvedValue({
      method: "totp",
      remainingMethods: [],
      customToken: "reissued",
    });
    await disable(user, "Authenticator app");
    await waitFor(() =>
      expect(notice().textContent).toBe(
        "The authenticator app has been disabled. Two-factor authentication is now off.",
      ),
    );
    expect(notice().textContent).not.toContain("still protected");
  });

  it("says it in Georgian", async () => {
    const { user } = renderSection("email", "totp");
    server.disableMethod.mockResolvedValue({
      method: "email",
      remainingMethods: ["totp"],
      customToken: "reissued",
    });
    await disable(user, "Email");
    await waitFor(() => expect(notice().textContent).toMatch(/^Email has been disabled\./));
    await act(async () => changeLocale("ka"));
    expect(notice().textContent).toBe(
      "ელფოსტა გამოირთო. თქვენი ანგარიში კვლავ დაცულია ორმაგი ავტორიზაციით. ჩართული რჩება: ავტორიზაციის აპლიკაცია.",
    );
  });
});
