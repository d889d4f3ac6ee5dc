/**
 * Lighthouse performance and accessibility scores for one page, in Debian's Chromium
 * (Playwright's own browser download is not available offline; see playwright.config.ts).
 *
 * Lighthouse's default **mobile** preset: a Moto G Power sized viewport, 4× CPU
 * slowdown and a slow 4G network, all simulated (Lighthouse loads the page unthrottled
 * and models the throttled timings), so results depend less on this machine's load.
 * Scores are printed by the bench, not asserted: they vary by a few points between runs.
 *
 * Chromium runs headless with its DevTools port open, in a fresh profile per call.
 * `prepare` gets a Playwright page in that same profile first (connected over CDP), so
 * it can sign in; the Firebase Auth session lives in IndexedDB, which Lighthouse keeps
 * (only the HTTP cache, service workers, cache storage and file systems are cleared),
 * so the measured page is a cold load of a signed-in visit.
 *
 * Lighthouse 12 is used: 13 needs Node 22.19, this project runs on Node 20.19+.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import type lighthouse from "lighthouse";

/** Debian's Chromium, or `CHROMIUM_PATH`: the same browser the end-to-end tests use. */
export const defaultChromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export interface LighthouseScores {
  /** Category scores, 0–100. */
  performance: number;
  accessibility: number;
  /** Largest Contentful Paint, simulated, ms. */
  lcpMs: number;
  /** First Contentful Paint, simulated, ms. */
  fcpMs: number;
  /** Total Blocking Time, simulated, ms. */
  tbtMs: number;
  /** Cumulative Layout Shift (unitless). */
  cls: number;
  /** Accessibility audits that failed, by id, e.g. `color-contrast`. */
  failedAccessibilityAudits: string[];
  /** Wall-clock time of the whole call (launch, prepare, audit), ms. */
  durationMs: number;
}

export interface LighthouseOptions {
  /** Defaults to {@link defaultChromiumPath}. */
  chromiumPath?: string;
  /**
   * Runs before the audit in the same browser profile, e.g. to sign in. The page is
   * closed afterwards; cookies, localStorage and IndexedDB stay.
   */
  prepare?: (page: Page) => Promise<void>;
}

/** Flags the end-to-end tests use too; chrome-launcher adds its own quiet defaults. */
const chromiumFlags = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

type LighthouseFlags = NonNullable<Parameters<typeof lighthouse>[1]>;

/**
 * Lighthouse's own default, spelled out because the signed-in audit depends on it: it
 * leaves IndexedDB, local storage and cookies alone, so the session `prepare` opened
 * survives; the HTTP cache is still cleared before the load.
 */
const clearStorageTypes: LighthouseFlags["clearStorageTypes"] = [
  "file_systems",
  "shader_cache",
  "service_workers",
  "cache_storage",
];

/** Audits `url` with Lighthouse's mobile preset and returns its scores and main metrics. */
export async function lighthouseScores(
  url: string,
  options: LighthouseOptions = {},
): Promise<LighthouseScores> {
  const start = performance.now();
  // Loaded here, not at the top: importing Lighthouse alone takes about a second.
  const [{ launch }, { default: lighthouse }] = await Promise.all([
    import("chrome-launcher"),
    import("lighthouse"),
  ]);
  const browser = await launch({
    chromePath: options.chromiumPath ?? defaultChromiumPath,
    chromeFlags: chromiumFlags,
    logLevel: "silent",
  });
  try {
    if (options.prepare) await runPrepare(browser.port, options.prepare);
    const result = await lighthouse(url, {
      port: browser.port,
      output: "json",
      logLevel: "error",
      onlyCategories: ["performance", "accessibility"],
      clearStorageTypes,
    });
    if (!result) throw new Error(`Lighthouse returned no result for ${url}`);
    saveReport(url, result.lhr);
    return { ...scoresFrom(result.lhr, url), durationMs: performance.now() - start };
  } finally {
    await browser.kill();
  }
}

/**
 * With `BENCH_LIGHTHOUSE_REPORTS=<dir>`, each full report is kept there as JSON (named
 * after the page's path), to open in the Lighthouse viewer and see where the time went.
 */
function saveReport(url: string, lhr: unknown) {
  const dir = process.env.BENCH_LIGHTHOUSE_REPORTS;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  const name = new URL(url).pathname.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "");
  writeFileSync(join(dir, `${name || "home"}.json`), JSON.stringify(lhr));
}

async function runPrepare(port: number, prepare: (page: Page) => Promise<void>) {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    if (!context) throw new Error("Chromium has no default browser context");
    const page = await context.newPage();
    await prepare(page);
    await page.close();
  } finally {
    // Over CDP this only disconnects: the browser and its profile stay for Lighthouse.
    await browser.close();
  }
}

/** The parts of a Lighthouse result read here. */
export interface LighthouseResult {
  runtimeError?: { code: string; message: string };
  runWarnings?: string[];
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>;
  audits: Record<
    string,
    { score: number | null; numericValue?: number; scoreDisplayMode?: string }
  >;
}

/** Reads the scores out of a Lighthouse result; throws when the run did not measure the page. */
export function scoresFrom(
  lhr: LighthouseResult,
  url: string,
): Omit<LighthouseScores, "durationMs"> {
  if (lhr.runtimeError) {
    throw new Error(
      `Lighthouse could not audit ${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`,
    );
  }
  const category = (id: string) => {
    const score = lhr.categories[id]?.score;
    if (score === null || score === undefined) {
      throw new Error(`Lighthouse gave no ${id} score for ${url}`);
    }
    return Math.round(score * 100);
  };
  const metric = (id: string) => {
    const value = lhr.audits[id]?.numericValue;
    if (value === undefined) throw new Error(`Lighthouse measured no ${id} for ${url}`);
    return value;
  };
  const failedAccessibilityAudits = (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
  return {
    performance: category("performance"),
    accessibility: category("accessibility"),
    lcpMs: Math.round(metric("largest-contentful-paint")),
    fcpMs: Math.round(metric("first-contentful-paint")),
    tbtMs: Math.round(metric("total-blocking-time")),
    cls: Number(metric("cumulative-layout-shift").toFixed(3)),
    failedAccessibilityAudits,
  };
}
