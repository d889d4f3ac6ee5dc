import { describe, expect, it } from "vitest";
import { sessionAtFor, validAfterChange } from "../src/security/session.js";

/** The rules' test, as in firestore.rules: a session counts if sessionAt >= validAfter. */
const accepted = (sessionAt: number, validAfter: number) => sessionAt >= validAfter;

describe("sessions around a 2FA change, to the second", () => {
  const second = 1_800_000_000;
  const change = second * 1000 + 400;

  it("refuses a session issued earlier in the very second of the change", () => {
    const before = sessionAtFor(second * 1000 + 100, { sessionsValidAfter: 0 });
    expect(accepted(before, validAfterChange(change))).toBe(false);
  });

  it("accepts a session issued after the change in that same second", () => {
    const validAfter = validAfterChange(change);
    const after = sessionAtFor(second * 1000 + 900, { sessionsValidAfter: validAfter });
    expect(accepted(after, validAfter)).toBe(true);
  });

  it("stamps a session with the time it was issued when no change is that recent", () => {
    expect(sessionAtFor(second * 1000 + 999, { sessionsValidAfter: second - 60 })).toBe(second);
  });
});
