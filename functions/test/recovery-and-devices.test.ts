import { describe, expect, it } from "vitest";
import { DAY_MS, recoveryCodeSchema } from "@dash2fa/shared";
import { deviceIsValid, newDevice } from "../src/security/devices.js";
import {
  findUnusedCode,
  generateRecoveryCode,
  hashRecoveryCode,
  newRecoveryCodes,
} from "../src/security/recovery-codes.js";

const SECRET = "s";
const T0 = 1_800_000_000_000;

describe("recovery codes", () => {
  it("are 16 symbols of a 32-letter alphabet (80 bits), grouped by four", () => {
    const code = generateRecoveryCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    expect(recoveryCodeSchema.parse(code.toLowerCase())).toBe(code.replaceAll("-", ""));
  });

  it("are stored only as hashes and match once, typed in any case or grouping", () => {
    const { codes, doc } = newRecoveryCodes(SECRET, "u1", T0);
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    expect(JSON.stringify(doc)).not.toContain(codes[3]!.replaceAll("-", ""));
    const typed = codes[3]!.replaceAll("-", " ").toLowerCase();
    expect(findUnusedCode(doc, hashRecoveryCode(SECRET, "u1", typed))).toBe(3);
    doc.codes[3]!.usedAt = T0;
    expect(findUnusedCode(doc, hashRecoveryCode(SECRET, "u1", typed))).toBe(-1);
  });

  it("do not work for another user", () => {
    const { codes, doc } = newRecoveryCodes(SECRET, "u1", T0);
    expect(findUnusedCode(doc, hashRecoveryCode(SECRET, "u2", codes[0]!))).toBe(-1);
  });
});

describe("remembered devices", () => {
  it("are valid for 30 days and never longer", () => {
    const { token, doc } = newDevice("Chrome on Linux", T0);
    expect(deviceIsValid(doc, token.token, T0 + 30 * DAY_MS - 1, 0)).toBe(true);
    expect(deviceIsValid(doc, token.token, T0 + 30 * DAY_MS, 0)).toBe(false);
  });

  it("are invalid with another token or after the password or 2FA changed", () => {
    const { token, doc } = newDevice("Chrome on Linux", T0);
    expect(JSON.stringify(doc)).not.toContain(token.token);
    expect(deviceIsValid(doc, newDevice("x", T0).token.token, T0, 0)).toBe(false);
    expect(deviceIsValid(doc, token.token, T0 + 1, T0)).toBe(true);
    expect(deviceIsValid(doc, token.token, T0 + 1, T0 + 1)).toBe(false);
  });
});
