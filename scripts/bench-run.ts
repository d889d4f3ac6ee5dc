/**
 * Runs inside `firebase emulators:exec` (see bench.ts). Each flow is timed from the
 * client, as a browser sees it, with real ID tokens; its floor is the emulator-only
 * `benchFloor` callable doing the same number of Firestore reads and writes in one
 * transaction and nothing else. Codes are read from the development outbox, untimed.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { getFunctions, httpsCallable } from "firebase/functions";
import { FUNCTIONS_REGION } from "@dash2fa/shared";
import {
  designMinimum,
  flowTotal,
  operationBudgets,
} from "../tests/integration/operation-budgets.js";
import {
  PASSWORD,
  latestCodeTo,
  newUser,
  resetIpLimit,
  type TestUser,
} from "../tests/support/clients.js";
import { countFlowOperations, type Flow as BudgetedFlow } from "../tests/support/operations.js";
import { bundleBudgets } from "./bundle-budgets.js";
import { floorBytes, routeBytes } from "./lib/bundle.js";
import { lighthouseScores } from "./lib/lighthouse.js";
import { waitForHttp } from "./lib/ports.js";
import { ports, root } from "./lib/stack.js";

const SEQUENTIAL = Number(process.env.BENCH_CALLS ?? 200);
const CONCURRENT_USERS = 20;

/**
 * Documents each timed call reads and writes, as counted in the emulator and held as
 * budgets by `npm test` (tests/integration/operation-budgets.ts, docs/PERFORMANCE.md).
 */
const firestoreWork = {
  send: operationBudgets["enroll email"].send,
  verify: operationBudgets["enroll email"].verify,
  "sign-in upgrade": operationBudgets["sign-in"].verify,
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

/** Enrols and then signs in `users` at once, timing each user's three steps. */
async function flowBatch(users: TestUser[], samples: Record<Flow, number[]>) {
  await resetIpLimit();
  const t0 = Date.now() - 1000;
  await Promise.all(
    users.map(async (u) => {
      samples.send.push(
        await time(() => u.send({ purpose: "enroll", method: "email", destination: u.email })),
      );
    }),
  );
  await Promise.all(
    users.map(async (u) => {
      const code = await latestCodeTo(u.email, t0);
      samples.verify.push(
        await time(async () =>
          u.upgrade(await u.verify({ purpose: "enroll", method: "email", code })),
        ),
      );
    }),
  );
  await resetIpLimit();
  const t1 = Date.now();
  await Promise.all(users.map((u) => u.send({ purpose: "sign-in", method: "email" })));
  await Promise.all(
    users.map(async (u) => {
      const code = await latestCodeTo(u.email, t1);
      samples["sign-in upgrade"].push(
        await time(async () =>
          u.upgrade(await u.verify({ purpose: "sign-in", method: "email", code })),
        ),
      );
    }),
  );
}

async function measureFlows(total: number, concurrency: number) {
  const samples: Record<Flow, number[]> = { send: [], verify: [], "sign-in upgrade": [] };
  for (let done = 0; done < total; done += concurrency) {
    const users = await Promise.all(
      Array.from({ length: Math.min(concurrency, total - done) }, () => newUser()),
    );
    await flowBatch(users, samples);
    await Promise.all(users.map((u) => u.dispose()));
  }
  return samples;
}

async function measureFloors(caller: TestUser, total: number, concurrency: number) {
  const floor = httpsCallable(getFunctions(caller.auth.app, FUNCTIONS_REGION), "benchFloor");
  const samples = {} as Record<Flow, number[]>;
  for (const flow of Object.keys(firestoreWork) as Flow[]) {
    samples[flow] = [];
    for (let done = 0; done < total; done += concurrency) {
      const size = Math.min(concurrency, total - done);
      const times = await Promise.all(
        Array.from({ length: size }, () => time(() => floor(firestoreWork[flow]))),
      );
      samples[flow].push(...times);
    }
  }
  return samples;
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

/**
 * Lighthouse (mobile preset, simulated throttling) on the production build, served by
 * `vite preview`: the sign-in page signed out, the Security page signed in.
 */
async function lighthouseReport() {
  const base = `http://127.0.0.1:${ports.preview}`;
  const preview = spawn(
    "npm",
    [
      "run",
      "preview",
      "--workspace",
      "web",
      "--",
      "--port",
      String(ports.preview),
      "--strictPort",
      "--host",
      "127.0.0.1",
    ],
    { cwd: root, stdio: "ignore", detached: true },
  );
  try {
    await waitForHttp(base, 30_000);
    const user = await newUser();
    await user.dispose();
    const signIn = await lighthouseScores(`${base}/sign-in`);
    const security = await lighthouseScores(`${base}/security`, {
      prepare: async (page) => {
        await page.goto(`${base}/sign-in`);
        await page.getByLabel("Email", { exact: true }).fill(user.email);
        await page.getByLabel("Password", { exact: true }).fill(PASSWORD);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.waitForURL(`${base}/`);
      },
    });
    return { preset: "mobile, simulated throttling", signIn, security };
  } finally {
    if (preview.pid) process.kill(-preview.pid, "SIGTERM");
  }
}

async function main() {
  const report: Record<string, unknown> = {
    at: new Date().toISOString(),
    sequentialCalls: SEQUENTIAL,
  };
  console.log(`Counting Firestore operations per flow…`);
  const operations = await countOperations();
  report.firestoreOperations = operations.report;
  const rows: string[] = [];
  const caller = await newUser();
  for (const [mode, total, concurrency] of [
    ["sequential", SEQUENTIAL, 1],
    [`${CONCURRENT_USERS} concurrent users`, SEQUENTIAL, CONCURRENT_USERS],
  ] as const) {
    console.log(`Measuring ${mode}…`);
    const flows = await measureFlows(total, concurrency);
    const floors = await measureFloors(caller, total, concurrency);
    const section: Record<string, unknown> = {};
    for (const flow of Object.keys(firestoreWork) as Flow[]) {
      const real = stats(flows[flow]);
      const floor = stats(floors[flow]);
      section[flow] = { real, floor, ratioP50: real.p50 / floor.p50, work: firestoreWork[flow] };
      rows.push(
        [
          mode.padEnd(22),
          flow.padEnd(16),
          ...[real.p50, real.p95, real.p99].map((v) => v.toFixed(1).padStart(8)),
          ...[floor.p50, floor.p95].map((v) => v.toFixed(1).padStart(8)),
          (real.p50 / floor.p50).toFixed(2).padStart(7),
        ].join(" "),
      );
    }
    report[mode] = section;
  }
  await caller.dispose();
  console.log(`Measuring the web bundle and running Lighthouse…`);
  const bundle = await bundleReport();
  report.bundle = bundle;
  const lighthouse = await lighthouseReport();
  report.lighthouse = lighthouse;

  console.log(
    `\nLatency in ms on the emulators (p50/p95/p99), floor = same Firestore work, no logic`,
  );
  console.log(
    `${"mode".padEnd(22)} ${"flow".padEnd(16)} ${"p50".padStart(8)} ${"p95".padStart(8)} ${"p99".padStart(8)} ${"floor50".padStart(8)} ${"floor95".padStart(8)} ${"ratio".padStart(7)}`,
  );
  for (const row of rows) console.log(row);
  console.log(`\nFirestore operations per flow: counted vs design minimum (docs/PERFORMANCE.md)`);
  console.log(
    `${"flow".padEnd(30)} ${"call".padEnd(16)} ${"reads".padStart(5)} ${"writes".padStart(6)}   ${"min r".padStart(5)} ${"min w".padStart(6)}`,
  );
  for (const row of operations.rows) console.log(row);
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1).padStart(7)} KB`;
  console.log(`\nWeb JavaScript per route, gzip -9 (floor: React + Firebase app/auth/functions)`);
  console.log(`  ${"floor".padEnd(28)} ${kb(bundle.floor)}`);
  for (const { route, gzip, budget } of bundle.routes) {
    const ratio = (gzip / bundle.floor).toFixed(2);
    console.log(
      `  ${route.padEnd(28)} ${kb(gzip)}  ${ratio}× floor  (budget ${kb(budget).trim()})`,
    );
  }
  for (const { file, gzip } of bundle.lazy) {
    console.log(`  on demand: ${file.padEnd(17)} ${kb(gzip)}`);
  }
  console.log(`\nLighthouse (${lighthouse.preset}, Debian's Chromium)`);
  for (const [page, scores] of [
    ["sign-in", lighthouse.signIn],
    ["security", lighthouse.security],
  ] as const) {
    console.log(
      `  ${page.padEnd(10)} performance ${scores.performance}, accessibility ${scores.accessibility}, LCP ${Math.round(scores.lcpMs)} ms, TBT ${Math.round(scores.tbtMs)} ms, CLS ${scores.cls.toFixed(3)}`,
    );
  }
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
