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

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
const dayAndTime = new Intl.DateTimeFormat(undefined, {
  weekday: "short",
  hour: "2-digit",
  minute: "2-digit",
});

/** Epoch milliseconds → "12 May 2026, 14:05" (or the locale's equivalent). */
export function formatDateTime(epochMs: number): string {
  return dateTime.format(epochMs);
}

/** For `<time dateTime>`: the machine-readable form of the same instant. */
export function isoDateTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/**
 * A retry time: "14:05" today, "Tue 09:30" on another day (locks and daily limits can
 * end tomorrow, where a bare clock time would mislead).
 */
export function formatRetryTime(epochMs: number, now = Date.now()): string {
  const sameDay = new Date(epochMs).toDateString() === new Date(now).toDateString();
  return sameDay ? formatClockTime(epochMs) : dayAndTime.format(epochMs);
}
