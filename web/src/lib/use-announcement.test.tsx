// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { nextAnnouncement, useAnnouncement } from "./use-announcement";

afterEach(cleanup);

describe("nextAnnouncement", () => {
  it("gives every announcement a new key, also for the same message", () => {
    const first = nextAnnouncement(null, "Saved.");
    const second = nextAnnouncement(first, "Saved.");
    expect(first).toEqual({ key: 1, message: "Saved." });
    expect(second).toEqual({ key: 2, message: "Saved." });
  });
});

function Notice() {
  const { announcement, announce, clear } = useAnnouncement();
  return (
    <>
      <p role="status">
        {announcement && <span key={announcement.key}>{announcement.message()}</span>}
      </p>
      <button type="button" onClick={() => announce(() => "Code sent.")}>
        Send
      </button>
      <button type="button" onClick={clear}>
        Clear
      </button>
    </>
  );
}

describe("useAnnouncement", () => {
  it("puts a new node in the live region when the same message repeats", () => {
    render(<Notice />);
    const region = screen.getByRole("status");
    expect(region.textContent).toBe("");

    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    const first = region.firstElementChild;
    expect(region.textContent).toBe("Code sent.");

    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    expect(region.textContent).toBe("Code sent.");
    expect(region.firstElementChild).not.toBe(first);
  });

  it("empties the region when cleared", () => {
    render(<Notice />);
    fireEvent.click(screen.getByRole("button", { name: "Send" }));
    fireEvent.click(screen.getByRole("button", { name: "Clear" }));
    expect(screen.getByRole("status").textContent).toBe("");
  });
});
