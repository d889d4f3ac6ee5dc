import { describe, expect, it } from "vitest";
import { groupSecret } from "./group-secret";

describe("groupSecret", () => {
  it("groups a 32-character secret in eight fours", () => {
    expect(groupSecret("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")).toBe(
      "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP",
    );
  });

  it("leaves a shorter last group", () => {
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
  });

  it("drops padding, spaces and dashes, and upper-cases", () => {
    expect(groupSecret("jbsw y3dp-ehpk====")).toBe("JBSW Y3DP EHPK");
  });

  it("keeps every character of the secret, in order", () => {
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(groupSecret(secret).replace(/ /g, "")).toBe(secret);
  });

  it("groups by another size when asked", () => {
    expect(groupSecret("ABCDEF", 3)).toBe("ABC DEF");
  });

  it("is empty for an empty secret", () => {
    expect(groupSecret("")).toBe("");
  });
});
