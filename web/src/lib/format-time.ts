// `undefined` locale: times follow the reader's browser settings (12/24 h, separators).
const clockTime = new Intl.DateTimeFormat(undefined, { hour: "2-digit", minute: "2-digit" });
const clockTimeWithSeconds = new Intl.DateTimeFormat(undefined, {
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** Epoch milliseconds → "14:05" (or the locale's equivalent). */
export function formatClockTime(epochMs: number): string {
  return clockTime.format(epochMs);
}

/** Epoch milliseconds → "14:05:30" (or the locale's equivalent). */
export function formatClockTimeWithSeconds(epochMs: number): string {
  return clockTimeWithSeconds.format(epochMs);
}

/** Whole seconds from `now` until `epochMs`, never negative; rounded up so "0 s" means ready. */
export function secondsUntil(epochMs: number, now: number): number {
  return Math.max(0, Math.ceil((epochMs - now) / 1000));
}
