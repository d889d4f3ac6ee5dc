import { randomBytes } from "node:crypto";
import { Secret, TOTP } from "otpauth";
import { describe, expect, it } from "vitest";
import {
  codeAt,
  describeSecret,
  matchingStep,
  openSecret,
  sealSecret,
  timeStep,
} from "../src/security/totp.js";

const KEY = "key-material-for-tests";
const secret = new Uint8Array(randomBytes(20));
const STEP_MS = 30_000;
/** The middle of a time step, so ±1 step is unambiguous. */
const now = 1_800_000_000_000 + STEP_MS / 2;

describe("sealing the authenticator app secret", () => {
  it("opens what it sealed, for the same key and user", () => {
    const sealed = sealSecret(KEY, "alice", secret);
    expect(openSecret(KEY, "alice", sealed)).toEqual(secret);
    expect(sealed.data).not.toContain(Buffer.from(secret).toString("base64url"));
  });

  it("uses a fresh IV each time", () => {
    expect(sealSecret(KEY, "alice", secret).iv).not.toBe(sealSecret(KEY, "alice", secret).iv);
  });

  it("refuses to open for another user, another key, or a changed byte", () => {
    const sealed = sealSecret(KEY, "alice", secret);
    expect(() => openSecret(KEY, "mallory", sealed)).toThrow();
    expect(() => openSecret("another key", "alice", sealed)).toThrow();
    const data = Buffer.from(sealed.data, "base64url");
    data[0] = (data[0] ?? 0) ^ 1;
    expect(() =>
      openSecret(KEY, "alice", { ...sealed, data: data.toString("base64url") }),
    ).toThrow();
  });
});

describe("checking an authenticator app code", () => {
  it("accepts the current code and says which step it is", () => {
    expect(matchingStep(secret, codeAt(secret, now), now)).toBe(timeStep(now));
  });

  it("accepts exactly one step either side of now, not two", () => {
    expect(matchingStep(secret, codeAt(secret, now - STEP_MS), now)).toBe(timeStep(now) - 1);
    expect(matchingStep(secret, codeAt(secret, now + STEP_MS), now)).toBe(timeStep(now) + 1);
    const twoBack = codeAt(secret, now - 2 * STEP_MS);
    const twoAhead = codeAt(secret, now + 2 * STEP_MS);
    // A code can repeat by chance across steps; only check those that differ from the window's.
    const window = [-1, 0, 1].map((d) => codeAt(secret, now + d * STEP_MS));
    if (!window.includes(twoBack)) expect(matchingStep(secret, twoBack, now)).toBeUndefined();
    if (!window.includes(twoAhead)) expect(matchingStep(secret, twoAhead, now)).toBeUndefined();
  });

  it("refuses a code made from another secret", () => {
    const other = new Uint8Array(randomBytes(20));
    const code = codeAt(other, now);
    const window = [-1, 0, 1].map((d) => codeAt(secret, now + d * STEP_MS));
    if (!window.includes(code)) expect(matchingStep(secret, code, now)).toBeUndefined();
  });

  it("makes the same codes as an independent authenticator app would", () => {
    const { secret: base32, otpauthUri } = describeSecret(secret, "alice@example.com");
    const app = new TOTP({ secret: Secret.fromBase32(base32) });
    expect(app.generate({ timestamp: now })).toBe(codeAt(secret, now));
    expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/Dashboard:alice%40example\.com\?/);
    expect(otpauthUri).toContain(`secret=${base32}`);
    expect(otpauthUri).toContain("issuer=Dashboard");
    expect(otpauthUri).toContain("digits=6");
    expect(otpauthUri).toContain("period=30");
  });
});
