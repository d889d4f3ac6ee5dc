import { useCallback, useEffect, useState } from "react";

/**
 * The current time, refreshed every second while the component is mounted: enough for
 * visible countdowns, and cheap because only an open dialog uses it. Call `refresh` when
 * a new deadline arrives, so the first second shown is not a stale one.
 */
export function useNow(): [now: number, refresh: () => void] {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const refresh = useCallback(() => setNow(Date.now()), []);
  return [now, refresh];
}
