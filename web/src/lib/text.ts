/**
 * "+995 5•• ••• •56" kept on one line: its spaces become no-break spaces, so a narrow
 * screen wraps the sentence around the number instead of splitting the number.
 */
export function keepTogether(text: string): string {
  return text.replace(/ /g, "\u00a0");
}
