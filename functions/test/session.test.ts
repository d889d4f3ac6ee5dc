import { describe, expect, it } from "vitest";
import { sessionAtFor, validAfterChange } from "../src/security/session.js";

/** The rules' test, as in firestore.rules: a session counts if sessionAt >= validAfter. */
const accepted = (sessionAt: number, validAfter: number) => sessionAt >= validAfter;

describe("sessions around a 2FA change, to the second", () => {
  const second = 1_800_000_000;
  const change = second * 1000 + 400;

  it("refuses a session issued earlier in the very second of the change", () => {
    const before = sessionAtFor(second * 1000 + 100, { sessionsValidAfter: 0 });
    expect(accepted(before, validAfterChange(change, { sessionsValidAfter: 0 }))).toBe(false);
  });

  it("accepts a session issued after the change in that same second", () => {
    const validAfter = validAfterChange(change, { sessionsValidAfter: 0 });
    const after = sessionAtFor(second * 1000 + 900, { sessionsValidAfter: validAfter });
    expect(accepted(after, validAfter)).toBe(true);
  });

  it("refuses, at a second change in the same second, a session issued between the two", () => {
    // The first change stamps later sessions a second ahead of the clock…
    const first = validAfterChange(change, { sessionsValidAfter: 0 });
    const between = sessionAtFor(change + 300, { sessionsValidAfter: first });
    expect(between).toBe(second + 1);
    // …so the second change, in the same second, must reach past that stamp.
    const second2 = validAfterChange(change + 500, { sessionsValidAfter: first });
    expect(accepted(between, second2)).toBe(false);
    const after = sessionAtFor(change + 550, { sessionsValidAfter: second2 });
    expect(accepted(after, second2)).toBe(true);
  });

  it("stamps a session with the time it was issued when no change is that recent", () => {
    expect(sessionAtFor(second * 1000 + 999, { sessionsValidAfter: second - 60 })).toBe(second);
  });
});
