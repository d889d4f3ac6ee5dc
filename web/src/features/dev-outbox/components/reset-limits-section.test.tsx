// @vitest-environment happy-dom
import { cleanup, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetServer, type CallableHandler } from "@/test/firebase-fakes";
import { renderWithQueries } from "@/test/support";
import { ResetLimitsSection } from "./reset-limits-section";

/** The server, one handler per callable; everything between it and the section is real. */
const server = vi.hoisted(() => ({ devResetLimits: vi.fn<CallableHandler>() }));

vi.mock("firebase/functions", async (importOriginal) =>
  (await import("@/test/firebase-fakes")).withFakeCallables(await importOriginal(), server),
);

afterEach(() => {
  cleanup();
  resetServer(server);
});

const resetButton = () => screen.getByRole("button", { name: "Reset sending limits" });

describe("Reset sending limits", () => {
  it("says what it clears, and says so in a status message once it has", async () => {
    server.devResetLimits.mockResolvedValue({ limits: 4, locks: 1 });
    renderWithQueries(<ResetLimitsSection />);
    const user = userEvent.setup();
    const description = document.getElementById(
      resetButton().getAttribute("aria-describedby") ?? "",
    );
    expect(description?.textContent).toMatch(/every lock after wrong codes\.$/);
    expect(screen.getByRole("status").textContent).toBe("");

    await user.click(resetButton());
    expect(server.devResetLimits).toHaveBeenCalledWith({});
    expect(await screen.findByText(/^Sending limits and code locks were reset\./)).toBeTruthy();
    expect(screen.getByRole("status").textContent).toBe(
      "Sending limits and code locks were reset. Codes can be sent again.",
    );
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when the emulator could not reset them", async () => {
    server.devResetLimits.mockRejectedValue(new Error("not found"));
    renderWithQueries(<ResetLimitsSection />);
    await userEvent.setup().click(resetButton());
    expect((await screen.findByRole("alert")).textContent).toMatch(
      /^The limits could not be reset\./,
    );
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
