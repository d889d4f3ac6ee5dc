// @vitest-environment happy-dom
import { cleanup, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { TwoFactorMethod } from "@dash2fa/shared";
import { changeLocale } from "@/lib/i18n";
import { statusWith, type CallableHandler, type StoredStatus } from "@/test/firebase-fakes";
import { refusal, renderWithQueries } from "@/test/support";
import { TwoFactorSummary } from "./two-factor-summary";

/** The server, one handler per callable; everything between it and the overview is real. */
const server = vi.hoisted(() => ({
  setPreferredMethod: vi.fn<CallableHandler>(),
}));

/** The status document as Firestore holds it; `pending` holds the read back. */
const stored = vi.hoisted((): StoredStatus => ({ status: undefined, pending: undefined }));

vi.mock("firebase/functions", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeCallables(await importOriginal(), server),
);

vi.mock("firebase/firestore/lite", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeStatusDocument(await importOriginal(), stored),
);

vi.mock("firebase/auth", async (importOriginal) => {
  const { fakeUser, withFakeAuth } = await import("@/test/firebase-fakes");
  return withFakeAuth(await importOriginal(), {
    signedIn: fakeUser({ email: "ana@example.com" }),
  });
});

/** The text of the elements `aria-describedby` names, as a screen reader reads it. */
function descriptionOf(element: HTMLElement): string {
  return (element.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .filter(Boolean)
    .map((id) => document.getElementById(id)?.textContent ?? "")
    .join(" ");
}

const overview = () => screen.getByRole("region", { name: "Overview" });
/** The value of the row labelled `label`. */
function valueOf(label: string): HTMLElement {
  const value = within(overview())
    .getByText(label, { selector: "dt, dt > label" })
    .closest("div")
    ?.querySelector("dd");
  if (!value) throw new Error(`no value for ${label}`);
  return value;
}

beforeEach(() => {
  changeLocale("en");
  stored.pending = undefined;
});
afterEach(() => {
  cleanup();
  vi.clearAllMocks();
});

describe("TwoFactorSummary", () => {
  it("holds the same three rows while the status loads", async () => {
    let arrive: () => void = () => undefined;
    stored.pending = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    stored.status = statusWith(["email"]);
    renderWithQueries(<TwoFactorSummary />);
    expect(overview().getAttribute("aria-busy")).toBe("true");
    expect(within(overview()).getByText("Loading the overview…")).toBeTruthy();
    const loadingRows = overview().querySelectorAll(".summary-row");
    expect([...loadingRows].map((row) => row.querySelector("dt")?.textContent)).toEqual([
      "Two-factor authentication",
      "Methods enabled",
      "Preferred method",
    ]);
    arrive();
    expect(await within(overview()).findByText("On")).toBeTruthy();
    expect(overview().querySelectorAll(".summary-row")).toHaveLength(3);
  });

  it("says 2FA is off with no method", async () => {
    stored.status = undefined;
    renderWithQueries(<TwoFactorSummary />);
    expect(await within(overview()).findByText("Off")).toBeTruthy();
    expect(valueOf("Methods enabled").textContent).toContain("None yet");
    expect(valueOf("Preferred method").textContent).toContain("None");
    expect(within(overview()).queryByRole("combobox")).toBeNull();
  });

  it("names the only method, with no choice to make", async () => {
    stored.status = statusWith(["totp"]);
    renderWithQueries(<TwoFactorSummary />);
    expect(await within(overview()).findByText("On")).toBeTruthy();
    expect(valueOf("Methods enabled").textContent).toContain("1 of 4");
    expect(valueOf("Preferred method").textContent).toContain("Authenticator app");
    expect(within(overview()).queryByRole("combobox")).toBeNull();
  });

  it("offers the enabled methods, starting from the one used last, and saves a choice", async () => {
    stored.status = statusWith(["email", "phone", "totp"], { lastUsedMethod: "email" });
    server.setPreferredMethod.mockImplementation(async (input) => {
      const { method } = input as { method: TwoFactorMethod };
      stored.status = statusWith(["email", "phone", "totp"], {
        lastUsedMethod: "email",
        preferredMethod: method,
      });
      return { preferredMethod: method };
    });
    const user = userEvent.setup();
    renderWithQueries(<TwoFactorSummary />);
    const choice = await within(overview()).findByRole("combobox", { name: "Preferred method" });
    expect(valueOf("Methods enabled").textContent).toContain("3 of 4");
    expect((choice as HTMLSelectElement).value).toBe("email");
    expect(
      within(choice)
        .getAllByRole("option")
        .map((o) => o.textContent),
    ).toEqual(["Email", "Phone number", "Authenticator app"]);
    expect(descriptionOf(choice)).toBe(
      "Until you choose, sign-in asks first for the method you used last.",
    );

    await user.selectOptions(choice, "phone");
    await user.click(within(overview()).getByRole("button", { name: "Save" }));
    expect(server.setPreferredMethod).toHaveBeenCalledWith({ method: "phone" });
    expect(
      await within(overview()).findByText("Sign-in now asks first for: Phone number."),
    ).toBeTruthy();
    expect((choice as HTMLSelectElement).value).toBe("phone");
    expect(descriptionOf(choice)).toBe(
      "Sign-in asks for this method first; you can always pick another there.",
    );
  });

  it("says why a choice was refused, on the control", async () => {
    stored.status = statusWith(["email", "phone"]);
    server.setPreferredMethod.mockRejectedValue(refusal({ reason: "method-not-enabled" }));
    const user = userEvent.setup();
    renderWithQueries(<TwoFactorSummary />);
    const choice = await within(overview()).findByRole("combobox", { name: "Preferred method" });
    expect((choice as HTMLSelectElement).value).toBe("phone");
    expect(descriptionOf(choice)).toBe(
      "Until you choose, sign-in asks first for your strongest method.",
    );
    await user.selectOptions(choice, "email");
    await user.click(within(overview()).getByRole("button", { name: "Save" }));
    const alert = await within(overview()).findByRole("alert");
    expect(alert.textContent).toContain(
      "This verification method is not turned on for your account.",
    );
    expect(choice.getAttribute("aria-invalid")).toBe("true");
  });
});
