/**
 * Runs inside `firebase emulators:exec` (see bench.ts), or against a running stack with
 * its environment. Each flow is timed from the client, as a browser sees it, with real
 * ID tokens; its floor is the emulator-only `benchFloor` callable doing the same number
 * of Firestore reads and writes in one transaction and nothing else. Codes are read from
 * the development outbox, untimed. The browser parts (time until the code arrives,
 * Lighthouse) drive the production build in Chromium; see docs/PERFORMANCE.md.
 *
 * Knobs: BENCH_CALLS (calls per latency row, 200), BENCH_USERS (users at once, 50),
 * BENCH_TRIES (tries per time-to-code measure, 20), BENCH_ONLY (a comma-separated list of
 * parts: operations, sequential, concurrent, time-to-code, bundle, lighthouse),
 * BENCH_PREVIEW_PORT (the preview server's port).
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { signInWithCustomToken } from "firebase/auth";
import { getFunctions, httpsCallable, type HttpsCallable } from "firebase/functions";
import { FieldPath } from "firebase-admin/firestore";
import { FUNCTIONS_REGION, collections, sendLimits } from "@dash2fa/shared";
import { designMinimum, flowTotal } from "../tests/integration/operation-budgets.js";
import {
  PASSWORD,
  adminDb,
  newUser,
  resetIpLimit,
  type TestUser,
} from "../tests/support/clients.js";
import { countFlowOperations, type Flow as BudgetedFlow } from "../tests/support/operations.js";
import { bundleBudgets } from "./bundle-budgets.js";
import { floorBytes, routeBytes } from "./lib/bundle.js";
import { lighthouseScores, type LighthouseScores } from "./lib/lighthouse.js";
import { startPreview, type Preview } from "./lib/preview.js";
import { createTwoFactorUser } from "./lib/seed.js";
import { root } from "./lib/stack.js";
import {
  codeFromMailDev,
  measureTimeToCode,
  signInWithPassword,
  timeToCodeMeasures,
  type TimeToCodeMeasure,
} from "./lib/time-to-code.js";

const SEQUENTIAL = Number(process.env.BENCH_CALLS ?? 200);
const CONCURRENT_USERS = Number(process.env.BENCH_USERS ?? 50);
const TRIES = Number(process.env.BENCH_TRIES ?? 20);
/** Warm-up bursts at most, and at least, before the concurrent rows are measured. */
const WARM_UP_MAX = 8;
const WARM_UP_MIN = 2;

const parts = [
  "operations",
  "sequential",
  "concurrent",
  "time-to-code",
  "bundle",
  "lighthouse",
] as const;
type Part = (typeof parts)[number];
const only = (process.env.BENCH_ONLY ?? "")
  .split(",")
  .map((p) => p.trim())
  .filter(Boolean);
for (const part of only) {
  if (!(parts as readonly string[]).includes(part)) {
    throw new Error(`BENCH_ONLY: no part "${part}"; the parts are ${parts.join(", ")}`);
  }
}
const runs = (part: Part) => only.length === 0 || only.includes(part);

/**
 * The least Firestore work each timed call could do: the design minimum of
 * tests/integration/operation-budgets.ts (docs/PERFORMANCE.md), not today's counts. A
 * verification ends in a new session, so its floor also mints a custom token that the
 * client signs in with, as the real flow does.
 */
const firestoreWork = {
  send: designMinimum["enroll email"].send,
  verify: { ...designMinimum["enroll email"].verify, token: true },
  "sign-in upgrade": { ...designMinimum["sign-in"].verify, token: true },
} as const;
type Flow = keyof typeof firestoreWork;

type Operations = { reads: number; writes: number };

/** Counts each budgeted flow's Firestore operations once; rows beside the design minimum. */
async function countOperations() {
  const counted = await countFlowOperations();
  const pair = (o: Operations) => `${String(o.reads).padStart(5)} ${String(o.writes).padStart(6)}`;
  const rows: string[] = [];
  for (const flow of Object.keys(counted) as BudgetedFlow[]) {
    const steps = counted[flow] as Record<string, Operations>;
    const minimum = designMinimum[flow] as Record<string, Operations>;
    const lines = Object.entries(steps).map(
      ([call, real]) => [call, real, minimum[call] ?? { reads: NaN, writes: NaN }] as const,
    );
    if (lines.length > 1) lines.push(["total", flowTotal(steps), flowTotal(minimum)]);
    for (const [call, real, least] of lines) {
      rows.push(`${flow.padEnd(30)} ${call.padEnd(16)} ${pair(real)}   ${pair(least)}`);
    }
  }
  return { report: { counted, designMinimum }, rows };
}

const time = async (action: () => Promise<unknown>) => {
  const start = performance.now();
  await action();
  return performance.now() - start;
};

/**
 * Every user here sends from 127.0.0.1, which the per-IP limit (30 an hour) would stop
 * well before 50 users at once; real users come from many addresses. Each send still
 * reads and writes its bucket, as in production: the bucket of this address is set far
 * below zero, so the limit never refuses. The sends in between must make the bucket
 * exist; {@link prepareManySends} makes one first. `resetIpLimit` deletes them afterwards.
 */
async function liftIpLimit(): Promise<void> {
  const snapshot = await adminDb().collection(collections.rateLimits).get();
  const bucket = String(Math.floor(Date.now() / sendLimits.perIp.windowMs));
  await Promise.all(
    snapshot.docs
      .filter((doc) => doc.id.startsWith("ip_"))
      // A document per address holding each window's count, or one per address and window.
      .map((doc) =>
        doc.get("windows") === undefined
          ? doc.ref.set({ count: -1_000_000 }, { merge: true })
          : doc.ref.update(new FieldPath("windows", bucket), -1_000_000),
      ),
  );
}

/**
 * The newest code delivered to `address` since `after`, from the development outbox, as
 * `latestCodeTo` reads it but waiting longer: 50 sends at once queue 50 deliveries on
 * the emulator's mail trigger, which takes its time on a small machine (untimed).
 */
async function codeTo(address: string, after: number): Promise<string> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const snapshot = await adminDb().collection("devOutbox").where("to", "==", address).get();
    const newest = snapshot.docs
      .map((doc) => doc.data() as { text: string; createdAt: number })
      .filter((item) => item.createdAt >= after)
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    const code = newest && /\b(\d{6})\b/.exec(newest.text)?.[1];
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`timed out waiting for a code for ${address}`);
}

async function prepareManySends(): Promise<void> {
  await resetIpLimit();
  const user = await newUser();
  await user.send({ purpose: "enroll", method: "email", destination: user.email });
  await user.dispose();
  await liftIpLimit();
}

/** Sends refused by the per-IP limit and sent again, 50 users at once (see below). */
let ipRetries = 0;

/**
 * Times one send. With many users at once, a send the per-IP limit refused is sent
 * again after lifting the limit once more: anything else using the emulators (a test
 * clearing the limit) can put the bucket back to zero mid-burst. Only the send that
 * went through is timed; `ipRetries` in the report counts the others.
 */
async function timedSend(
  user: TestUser,
  input: Parameters<TestUser["send"]>[0],
  manyAtOnce: boolean,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await time(() => user.send(input));
    } catch (error) {
      const details = (error as { details?: { limit?: string } }).details;
      if (!manyAtOnce || details?.limit !== "ip" || attempt >= 3) throw error;
      ipRetries++;
      await liftIpLimit();
    }
  }
}

/**
 * Verifications refused as busy (`unavailable`, after the server's own retries) with many
 * users at once, by flow: counted and printed, not timed, so one refusal under the
 * emulator's locking does not end the run, and none goes unseen.
 */
const busyRefusals: Record<string, number> = {};

async function timedUpgrade(
  user: TestUser,
  flow: "verify" | "sign-in upgrade",
  input: Parameters<TestUser["verify"]>[0],
  manyAtOnce: boolean,
  samples: number[],
): Promise<boolean> {
  try {
    samples.push(await time(async () => user.upgrade(await user.verify(input))));
    return true;
  } catch (error) {
    if (!manyAtOnce || (error as { code?: string }).code !== "functions/unavailable") throw error;
    busyRefusals[flow] = (busyRefusals[flow] ?? 0) + 1;
    return false;
  }
}

/** Enrols and then signs in `users` at once, timing each user's three steps. */
async function flowBatch(users: TestUser[], samples: Record<Flow, number[]>, manyAtOnce = false) {
  const clearIpLimit = manyAtOnce ? liftIpLimit : resetIpLimit;
  await clearIpLimit();
  const t0 = Date.now() - 1000;
  await Promise.all(
    users.map(async (u) => {
      samples.send.push(
        await timedSend(
          u,
          { purpose: "enroll", method: "email", destination: u.email },
          manyAtOnce,
        ),
      );
    }),
  );
  // Every code first, then every verification at once: timed as they arrive, the
  // verifications would be spread over the deliveries and no longer concurrent.
  const enrolCodes = await Promise.all(users.map((u) => codeTo(u.email, t0)));
  const enrolled = await Promise.all(
    users.map((u, i) =>
      timedUpgrade(
        u,
        "verify",
        { purpose: "enroll", method: "email", code: enrolCodes[i] ?? "" },
        manyAtOnce,
        samples.verify,
      ),
    ),
  );
  // A user whose enrolment was refused has no 2FA to sign in with.
  const signingIn = users.filter((_, i) => enrolled[i]);
  await clearIpLimit();
  const t1 = Date.now();
  await Promise.all(
    signingIn.map((u) => timedSend(u, { purpose: "sign-in", method: "email" }, manyAtOnce)),
  );
  const signInCodes = await Promise.all(signingIn.map((u) => codeTo(u.email, t1)));
  await Promise.all(
    signingIn.map((u, i) =>
      timedUpgrade(
        u,
        "sign-in upgrade",
        { purpose: "sign-in", method: "email", code: signInCodes[i] ?? "" },
        manyAtOnce,
        samples["sign-in upgrade"],
      ),
    ),
  );
}

type Samples = Record<Flow, number[]>;
const noSamples = (): Samples => ({ send: [], verify: [], "sign-in upgrade": [] });

/** `size` fresh users through the three steps at once (accounts made untimed first). */
async function realBatch(size: number, samples: Samples, manyAtOnce: boolean) {
  const users = await Promise.all(Array.from({ length: size }, () => newUser()));
  await flowBatch(users, samples, manyAtOnce);
  await Promise.all(users.map((u) => u.dispose()));
}

/** One floor call for `flow`; a minted token is signed in with, as an upgrade is. */
async function floorCall(caller: TestUser, floor: HttpsCallable, flow: Flow) {
  const { data } = await floor(firestoreWork[flow]);
  const { token } = data as { token?: string };
  if (token) await signInWithCustomToken(caller.auth, token);
}

/** `size` floor calls at once for each flow's Firestore work. */
async function floorBatch(caller: TestUser, size: number, samples: Samples) {
  const floor = httpsCallable(getFunctions(caller.auth.app, FUNCTIONS_REGION), "benchFloor");
  for (const flow of Object.keys(firestoreWork) as Flow[]) {
    const times = await Promise.all(
      Array.from({ length: size }, () => time(() => floorCall(caller, floor, flow))),
    );
    samples[flow].push(...times);
  }
}

/** One call after another: every flow's calls, then every floor's. */
async function measureSequential(caller: TestUser, total: number) {
  const flows = noSamples();
  const floors = noSamples();
  for (let done = 0; done < total; done++) await realBatch(1, flows, false);
  for (let done = 0; done < total; done++) await floorBatch(caller, 1, floors);
  return { flows, floors };
}

/**
 * `users` at once. The Functions emulator starts a worker per request it cannot hand to
 * an idle one, seconds each on a small machine, so bursts at this concurrency run first,
 * real and floor alike, until a burst's p95 stops falling (by less than a fifth, and at
 * least {@link WARM_UP_MIN} bursts). Then real and floor bursts alternate, so both see
 * the same machine.
 */
async function measureManyAtOnce(caller: TestUser, total: number, users: number) {
  await prepareManySends();
  const warmUp: { burst: number; sendP95: number; floorP95: number }[] = [];
  try {
    let previous: { send: number; floor: number } | undefined;
    for (let burst = 1; burst <= WARM_UP_MAX; burst++) {
      const flows = noSamples();
      const floors = noSamples();
      await realBatch(users, flows, true);
      await floorBatch(caller, users, floors);
      const now = {
        send: stats(flows.send).p95,
        floor: stats([...floors.send, ...floors.verify]).p95,
      };
      warmUp.push({ burst, sendP95: now.send, floorP95: now.floor });
      console.log(
        `  warm-up burst ${burst}: send p95 ${now.send.toFixed(0)} ms, floor p95 ${now.floor.toFixed(0)} ms`,
      );
      const settled = (before: number, after: number) => after > before * 0.8;
      if (burst >= WARM_UP_MIN && previous) {
        if (settled(previous.send, now.send) && settled(previous.floor, now.floor)) break;
      }
      previous = now;
    }
    const flows = noSamples();
    const floors = noSamples();
    for (let done = 0; done < total; done += users) {
      await realBatch(users, flows, true);
      await floorBatch(caller, users, floors);
    }
    return { flows, floors, warmUp };
  } finally {
    await resetIpLimit();
  }
}

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}

/** Gzip bytes each route downloads before it renders, beside the floor and the budgets. */
async function bundleReport() {
  const { routes, lazy } = routeBytes();
  const floor = await floorBytes();
  return {
    floor,
    routes: routes.map(({ route, gzip }) => ({ route, gzip, budget: bundleBudgets[route] })),
    lazy: lazy.map(({ files, gzip }) => ({ file: files[0] ?? "", gzip })),
  };
}

const lighthousePages = ["sign-in", "second step", "Security", "dashboard"] as const;
type LighthousePage = (typeof lighthousePages)[number];

/**
 * Lighthouse (mobile preset, simulated throttling) on the production build, served by
 * `vite preview`: the sign-in page signed out; the second step of an account with email
 * 2FA signed in with its password only (the page sends a code as it opens); the
 * Security page of an account without 2FA; the dashboard of an account with email 2FA,
 * past the second step.
 */
async function lighthouseReport(base: string) {
  const fresh = () => `bench-${crypto.randomUUID().slice(0, 8)}@example.com`;
  const plain = fresh();
  await createTwoFactorUser({ email: plain, password: PASSWORD });
  const secured = [fresh(), fresh()] as const;
  for (const email of secured) {
    await createTwoFactorUser({ email, password: PASSWORD, email2fa: true });
  }
  const pages = {} as Record<LighthousePage, LighthouseScores>;
  pages["sign-in"] = await lighthouseScores(`${base}/sign-in`);
  await resetIpLimit();
  pages["second step"] = await lighthouseScores(`${base}/second-step`, {
    prepare: async (page) => {
      await signInWithPassword(page, base, secured[0]);
      await page.getByRole("heading", { name: "Verify it's you" }).waitFor();
    },
  });
  pages.Security = await lighthouseScores(`${base}/security`, {
    prepare: async (page) => {
      await signInWithPassword(page, base, plain);
      await page.waitForURL(`${base}/`);
    },
  });
  await resetIpLimit();
  pages.dashboard = await lighthouseScores(`${base}/`, {
    prepare: async (page) => {
      await signInWithPassword(page, base, secured[1]);
      await page.getByRole("heading", { name: "Verify it's you" }).waitFor();
      const code = await codeFromMailDev(secured[1], new Set());
      await page.getByLabel("Verification code", { exact: true }).fill(code);
      await page.getByRole("button", { name: "Verify", exact: true }).click();
      await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    },
  });
  await resetIpLimit();
  return { preset: "mobile, simulated throttling", pages };
}

/** Every time-to-code measure's p50/p95 beside its floor's. */
function timeToCodeReport(samples: Awaited<ReturnType<typeof measureTimeToCode>>) {
  return Object.fromEntries(
    (Object.keys(timeToCodeMeasures) as TimeToCodeMeasure[]).map((measure) => [
      measure,
      {
        real: stats(samples.real[measure]),
        floor: stats(samples.floor[measure]),
        floorIs: timeToCodeMeasures[measure],
      },
    ]),
  ) as Record<
    TimeToCodeMeasure,
    { real: ReturnType<typeof stats>; floor: ReturnType<typeof stats>; floorIs: string }
  >;
}

const ms = (v: number) => v.toFixed(1).padStart(8);

function latencySection(mode: string, flows: Samples, floors: Samples, rows: string[]) {
  const section: Record<string, unknown> = {};
  for (const flow of Object.keys(firestoreWork) as Flow[]) {
    const real = stats(flows[flow]);
    const floor = stats(floors[flow]);
    section[flow] = { real, floor, ratioP50: real.p50 / floor.p50, work: firestoreWork[flow] };
    rows.push(
      [
        mode.padEnd(22),
        flow.padEnd(16),
        ...[real.p50, real.p95, real.p99].map(ms),
        ...[floor.p50, floor.p95].map(ms),
        (real.p50 / floor.p50).toFixed(2).padStart(7),
        String(real.n).padStart(5),
      ].join(" "),
    );
  }
  return section;
}

async function main() {
  const report: Record<string, unknown> = {
    at: new Date().toISOString(),
    parts: only.length ? only : parts,
    sequentialCalls: SEQUENTIAL,
  };
  const print: (() => void)[] = [];

  if (runs("operations")) {
    console.log(`Counting Firestore operations per flow…`);
    const operations = await countOperations();
    report.firestoreOperations = operations.report;
    print.push(() => {
      console.log(
        `\nFirestore operations per flow: counted vs design minimum (docs/PERFORMANCE.md)`,
      );
      console.log(
        `${"flow".padEnd(30)} ${"call".padEnd(16)} ${"reads".padStart(5)} ${"writes".padStart(6)}   ${"min r".padStart(5)} ${"min w".padStart(6)}`,
      );
      for (const row of operations.rows) console.log(row);
    });
  }

  const latencyRows: string[] = [];
  if (runs("sequential") || runs("concurrent")) {
    const caller = await newUser();
    if (runs("sequential")) {
      console.log(`Measuring sequential calls…`);
      const { flows, floors } = await measureSequential(caller, SEQUENTIAL);
      report.sequential = latencySection("sequential", flows, floors, latencyRows);
    }
    if (runs("concurrent")) {
      const mode = `${CONCURRENT_USERS} concurrent users`;
      console.log(`Measuring ${mode}, after warming the workers…`);
      const { flows, floors, warmUp } = await measureManyAtOnce(
        caller,
        Math.max(SEQUENTIAL, CONCURRENT_USERS),
        CONCURRENT_USERS,
      );
      report[mode] = {
        ...latencySection(mode, flows, floors, latencyRows),
        warmUp,
        ipRetries,
        busyRefusals,
      };
      for (const [flow, count] of Object.entries(busyRefusals)) {
        console.log(`  ${flow}: ${count} refused as busy under contention (not timed)`);
      }
    }
    await caller.dispose();
    print.push(() => {
      console.log(
        `\nLatency in ms on the emulators (p50/p95/p99), floor = same Firestore work, no logic`,
      );
      console.log(
        `${"mode".padEnd(22)} ${"flow".padEnd(16)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"floor50".padStart(8)} ${"floor95".padStart(8)} ${"ratio".padStart(7)} ${"n".padStart(5)}`,
      );
      for (const row of latencyRows) console.log(row);
    });
  }

  if (runs("bundle")) {
    console.log(`Measuring the web bundle…`);
    const bundle = await bundleReport();
    report.bundle = bundle;
    print.push(() => {
      const kb = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(7)} KB`;
      console.log(
        `\nWeb JavaScript per route, gzip -9 (floor: React + Firebase app/auth/functions)`,
      );
      console.log(`  ${"floor".padEnd(28)} ${kb(bundle.floor)}`);
      for (const { route, gzip, budget } of bundle.routes) {
        const ratio = (gzip / bundle.floor).toFixed(2);
        console.log(
          `  ${route.padEnd(28)} ${kb(gzip)}  ${ratio}× floor  (budget ${kb(budget).trim()})`,
        );
      }
      for (const { file, gzip } of bundle.lazy) {
        console.log(`  on demand: ${file.padEnd(40)} ${kb(gzip)}`);
      }
    });
  }

  if (runs("time-to-code") || runs("lighthouse")) {
    let preview: Preview | undefined;
    try {
      preview = await startPreview();
      if (runs("time-to-code")) {
        console.log(`Timing the code's way to the person, ${TRIES} tries in Chromium…`);
        const samples = await measureTimeToCode(preview.base, TRIES, console.log);
        const timeToCode = timeToCodeReport(samples);
        report.timeToCode = { tries: TRIES, measures: timeToCode, samples };
        print.push(() => {
          console.log(
            `\nTime until the code arrives, ms (${TRIES} tries, Chromium on the production build)`,
          );
          console.log(
            `${"measure".padEnd(28)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"floor50".padStart(8)} ${"floor95".padStart(8)}  floor`,
          );
          for (const [measure, { real, floor, floorIs }] of Object.entries(timeToCode)) {
            console.log(
              `${measure.padEnd(28)} ${ms(real.p50)} ${ms(real.p95)} ${ms(floor.p50)} ${ms(floor.p95)}  ${floorIs}`,
            );
          }
          console.log(`tries cut short, something never drawn: ${samples.notDrawn.length}`);
          for (const what of samples.notDrawn) console.log(`  ${what}`);
        });
      }
      if (runs("lighthouse")) {
        console.log(`Running Lighthouse on ${lighthousePages.join(", ")}…`);
        const lighthouse = await lighthouseReport(preview.base);
        report.lighthouse = lighthouse;
        print.push(() => {
          console.log(`\nLighthouse (${lighthouse.preset}, Debian's Chromium)`);
          for (const page of lighthousePages) {
            const scores = lighthouse.pages[page];
            const failed = scores.failedAccessibilityAudits;
            console.log(
              `  ${page.padEnd(12)} performance ${String(scores.performance).padStart(3)}, accessibility ${String(scores.accessibility).padStart(3)}, LCP ${Math.round(scores.lcpMs)} ms, TBT ${Math.round(scores.tbtMs)} ms, CLS ${scores.cls.toFixed(3)}${failed.length ? ` (failed: ${failed.join(", ")})` : ""}`,
            );
          }
        });
      }
    } finally {
      preview?.stop();
    }
  }

  for (const section of print) section();
  writeFileSync(join(root, "bench-report.json"), `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nReport written to bench-report.json`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
