import { describe, expect, it } from "vitest";
import { isGsm7, smsSegments } from "./segments.js";

describe("smsSegments", () => {
  it("fits 160 GSM-7 characters in one segment and needs two for 161", () => {
    expect(smsSegments("a".repeat(160))).toEqual({
      encoding: "GSM-7",
      units: 160,
      segments: 1,
      remaining: 0,
    });
    expect(smsSegments("a".repeat(161)).segments).toBe(2);
  });

  it("splits long GSM-7 texts into parts of 153 septets", () => {
    expect(smsSegments("a".repeat(306)).segments).toBe(2);
    expect(smsSegments("a".repeat(307)).segments).toBe(3);
  });

  it("counts extension-table characters as two septets", () => {
    const text = "€".repeat(80);
    expect(smsSegments(text)).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1 });
    expect(smsSegments(`${text}a`).segments).toBe(2);
    expect(smsSegments("{}[]~|^\\").units).toBe(16);
  });

  it("never splits an escape from its character across parts", () => {
    // 152 septets, then a two-septet character: it cannot end part one, so it opens part two.
    const text = "a".repeat(152) + "€" + "a".repeat(152);
    expect(smsSegments(text).units).toBe(306);
    expect(smsSegments(text).segments).toBe(3);
  });

  it("keeps accented letters of the GSM basic table in GSM-7", () => {
    expect(isGsm7("Ça fait 5 €, señor? Ünd Ø@£")).toBe(true);
    expect(isGsm7("naïve")).toBe(false);
  });

  it("switches the whole text to UCS-2 for one character outside GSM-7", () => {
    expect(smsSegments("a".repeat(69) + "ა")).toMatchObject({
      encoding: "UCS-2",
      units: 70,
      segments: 1,
      remaining: 0,
    });
    expect(smsSegments("a".repeat(70) + "ა").segments).toBe(2);
    expect(smsSegments("ა".repeat(134)).segments).toBe(2);
    expect(smsSegments("ა".repeat(135)).segments).toBe(3);
  });

  it("counts a character outside the BMP as two UTF-16 units", () => {
    expect(smsSegments("🔐".repeat(35))).toMatchObject({ units: 70, segments: 1 });
    expect(smsSegments("🔐".repeat(36)).segments).toBe(2);
  });

  it("costs nothing for an empty text", () => {
    expect(smsSegments("").segments).toBe(0);
  });
});
