import type { Page } from "@playwright/test";

/** One `layout-shift` entry as the browser reported it, with what moved. */
export interface RecordedShift {
  value: number;
  hadRecentInput: boolean;
  startTime: number;
  /** The elements that moved, as `tag.class#id` and a little of their text. */
  sources: string[];
}

/** The parts of a `LayoutShift` entry read here (not in TypeScript's DOM types yet). */
interface LayoutShiftEntry extends PerformanceEntry {
  value: number;
  hadRecentInput: boolean;
  sources?: { node: Node | null }[];
}

declare global {
  interface Window {
    recordedLayoutShifts?: RecordedShift[];
  }
}

/**
 * Records every layout shift from the start of each document the page loads, from the
 * browser's own `layout-shift` entries. Call before the first `goto`.
 */
export async function recordLayoutShifts(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const shifts: RecordedShift[] = [];
    window.recordedLayoutShifts = shifts;
    const describe = (node: Node | null): string => {
      if (!(node instanceof Element)) return node?.nodeName ?? "?";
      const classes = [...node.classList].map((name) => `.${name}`).join("");
      const text = (node.textContent ?? "").trim().slice(0, 30);
      return `${node.tagName.toLowerCase()}${classes}${node.id ? `#${node.id}` : ""} "${text}"`;
    };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as LayoutShiftEntry[]) {
        shifts.push({
          value: entry.value,
          hadRecentInput: entry.hadRecentInput,
          startTime: entry.startTime,
          sources: (entry.sources ?? []).map((source) => describe(source.node)),
        });
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
}

/** The page's clock now, to measure the shifts after it with `layoutShiftSince`. */
export function layoutShiftMark(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/**
 * The layout shift the user did not cause (no input in the half second before), summed
 * over every shift in this document since `mark`: no smaller than the browser's
 * cumulative layout shift score for that time, which counts only the worst window.
 */
export async function layoutShiftSince(
  page: Page,
  mark = 0,
): Promise<{ total: number; shifts: RecordedShift[] }> {
  // Two frames, so a shift from the last change is reported before it is read.
  const shifts = await page.evaluate(async (since) => {
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return (window.recordedLayoutShifts ?? []).filter(
      (shift) => !shift.hadRecentInput && shift.startTime >= since,
    );
  }, mark);
  return { total: shifts.reduce((sum, shift) => sum + shift.value, 0), shifts };
}
