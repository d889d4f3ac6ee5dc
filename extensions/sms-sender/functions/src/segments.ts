/**
 * How many SMS segments a text costs, counted the way carriers bill it (3GPP TS 23.038):
 * GSM-7 when every character is in the GSM 03.38 basic or extension table, UCS-2
 * otherwise (any Georgian letter, for one).
 */

/** One septet each. */
const GSM7_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";

/** Two septets each: an escape, then the character. */
const GSM7_EXTENSION = "\f^{}\\[~]|€";

const basic = new Set(GSM7_BASIC);
const extension = new Set(GSM7_EXTENSION);

/** A lone message carries 140 octets; a part of a longer one loses 6 to its header. */
export const GSM7_SINGLE_SEPTETS = 160;
export const GSM7_PART_SEPTETS = 153;
export const UCS2_SINGLE_UNITS = 70;
export const UCS2_PART_UNITS = 67;

export interface SegmentCount {
  encoding: "GSM-7" | "UCS-2";
  /** Septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  segments: number;
  /** Units left before the text needs one more segment (at most, past one segment). */
  remaining: number;
}

/** True when every character has a GSM-7 encoding. */
export function isGsm7(text: string): boolean {
  for (const char of text) if (!basic.has(char) && !extension.has(char)) return false;
  return true;
}

/**
 * Fills parts greedily without splitting what must stay whole: an escape and its
 * character in GSM-7, a surrogate pair in UCS-2.
 */
function countParts(sizes: number[], single: number, part: number): number {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total <= single) return total === 0 ? 0 : 1;
  let parts = 1;
  let used = 0;
  for (const size of sizes) {
    if (used + size > part) {
      parts += 1;
      used = 0;
    }
    used += size;
  }
  return parts;
}

export function smsSegments(text: string): SegmentCount {
  const chars = [...text];
  if (isGsm7(text)) {
    const sizes = chars.map((char) => (extension.has(char) ? 2 : 1));
    const units = sizes.reduce((sum, size) => sum + size, 0);
    const segments = countParts(sizes, GSM7_SINGLE_SEPTETS, GSM7_PART_SEPTETS);
    return {
      encoding: "GSM-7",
      units,
      segments,
      remaining: room(units, segments, GSM7_SINGLE_SEPTETS, GSM7_PART_SEPTETS),
    };
  }
  const sizes = chars.map((char) => char.length);
  const units = text.length;
  const segments = countParts(sizes, UCS2_SINGLE_UNITS, UCS2_PART_UNITS);
  return {
    encoding: "UCS-2",
    units,
    segments,
    remaining: room(units, segments, UCS2_SINGLE_UNITS, UCS2_PART_UNITS),
  };
}

function room(units: number, segments: number, single: number, part: number): number {
  return (segments <= 1 ? single : segments * part) - units;
}
