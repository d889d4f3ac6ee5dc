import { describe, expect, it } from "vitest";
import { codeMatches, generateCode, hashCode, type CodeBinding } from "../src/verification/code.js";

const SECRET = "test-secret";
const binding: CodeBinding = {
  uid: "u1",
  purpose: "enroll",
  method: "email",
  destination: "m@example.com",
  nonce: "abc",
};

describe("generateCode", () => {
  it("always yields six digits, keeping leading zeros", () => {
    const codes = Array.from({ length: 5000 }, generateCode);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(codes.some((code) => code.startsWith("0"))).toBe(true);
    expect(new Set(codes).size).toBeGreaterThan(4900);
  });
});

describe("code hashing", () => {
  const stored = hashCode(SECRET, binding, "012345");

  it("never stores the code itself", () => {
    expect(stored).not.toContain("012345");
  });

  it("matches the right code only", () => {
    expect(codeMatches(SECRET, binding, "012345", stored)).toBe(true);
    expect(codeMatches(SECRET, binding, "012346", stored)).toBe(false);
    expect(codeMatches(SECRET, binding, "12345", stored)).toBe(false);
  });

  it.each<[string, Partial<CodeBinding>]>([
    ["another user", { uid: "u2" }],
    ["another purpose", { purpose: "sign-in" }],
    ["another method", { method: "phone" }],
    ["another destination", { destination: "x@example.com" }],
    ["another send", { nonce: "abd" }],
  ])("does not match for %s", (_name, change) => {
    expect(codeMatches(SECRET, { ...binding, ...change }, "012345", stored)).toBe(false);
  });

  it("depends on the server secret", () => {
    expect(codeMatches("other-secret", binding, "012345", stored)).toBe(false);
  });

  it("cannot be confused by field boundaries", () => {
    const a = hashCode(SECRET, { ...binding, uid: "u1|enroll" }, "012345");
    const b = hashCode(SECRET, { ...binding, uid: "u1", purpose: "|enroll" as string }, "012345");
    expect(a).not.toBe(b);
  });
});
