/** What a code becomes once masked: the product shows the same six dots everywhere. */
export const CODE_MASK = "••••••";

/**
 * The code pattern of the `CODE_PATTERN` param, always global so every code in a body is
 * masked. Empty: no masking. An invalid expression throws, so a misconfigured instance
 * fails loudly at start instead of keeping codes.
 */
export function codePattern(source: string | undefined): RegExp | null {
  if (!source) return null;
  return new RegExp(source, "g");
}

export function maskCodes(body: string, pattern: RegExp): string {
  const global = pattern.global ? pattern : new RegExp(pattern.source, `${pattern.flags}g`);
  return body.replace(global, CODE_MASK);
}
