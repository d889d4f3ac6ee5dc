/**
 * JavaScript bytes (gzip -9) each route downloads, read from the Vite manifest of the
 * production build, and the floor: the same toolchain bundling only React, React DOM and
 * Firebase app/auth/functions. Used by `npm test` (budgets) and `npm run bench` (report).
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { root } from "./stack.js";

const web = join(root, "web");
export const webDist = join(web, "dist");

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** Each route's own module, as `web/src/app/router.tsx` loads it lazily. */
export const routeModules = {
  "sign-in": "src/features/auth/index.ts",
  "second step": "src/features/second-step/index.ts",
  dashboard: "src/features/dashboard/index.ts",
  security: "src/features/security/index.ts",
} as const;
export type RouteName = keyof typeof routeModules;

export interface RouteBytes {
  route: RouteName;
  /** gzip bytes of every JavaScript file the route needs before it renders. */
  gzip: number;
  files: string[];
}

const gzipBytes = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

function readManifest(dist: string): Manifest {
  return JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8")) as Manifest;
}

/** A chunk and everything it imports statically: what loads together with it. */
function closure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || into.has(chunk.file)) return into;
  into.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(manifest, imported, into);
  return into;
}

/** Bytes per route: the entry's closure plus the route module's closure. */
export function routeBytes(dist = webDist): { routes: RouteBytes[]; lazy: RouteBytes[] } {
  const manifest = readManifest(dist);
  const entryKey = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entryKey) throw new Error("the web build has no entry chunk");
  const entry = closure(manifest, entryKey);
  const measure = (files: Set<string>) =>
    [...files]
      .filter((file) => file.endsWith(".js"))
      .reduce((sum, file) => sum + gzipBytes(join(dist, file)), 0);

  const routes = (Object.entries(routeModules) as [RouteName, string][]).map(([route, key]) => {
    if (!manifest[key]) throw new Error(`${key} is not a chunk of its own: is the route lazy?`);
    const files = closure(manifest, key, new Set(entry));
    return { route, gzip: measure(files), files: [...files] };
  });

  // Chunks loaded on demand inside a route (e.g. the QR code, the phone form).
  const routeFiles = new Set(routes.flatMap((r) => r.files));
  const lazy = Object.entries(manifest)
    .filter(([, chunk]) => !routeFiles.has(chunk.file) && chunk.file.endsWith(".js"))
    .map(([key, chunk]) => ({
      route: key as RouteName,
      gzip: gzipBytes(join(dist, chunk.file)),
      files: [chunk.file],
    }));
  return { routes, lazy };
}

/**
 * The floor: React, React DOM and Firebase app/auth/functions, used the least a sign-in
 * page could use them, bundled by the same Vite. No app could ship less than this.
 */
export async function floorBytes(): Promise<number> {
  const { build } = await import("vite");
  const dir = join(web, ".cache", "bundle-floor");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, "index.html"),
    '<!doctype html><div id="root"></div><script type="module" src="./floor.ts"></script>',
  );
  writeFileSync(
    join(dir, "floor.ts"),
    `import { createElement } from "react";
import { createRoot } from "react-dom/client";
import { initializeApp } from "firebase/app";
import { indexedDBLocalPersistence, initializeAuth, signInWithEmailAndPassword } from "firebase/auth";
import { getFunctions, httpsCallable } from "firebase/functions";
const app = initializeApp({ apiKey: "x", projectId: "x", authDomain: "x" });
const auth = initializeAuth(app, { persistence: indexedDBLocalPersistence });
const verify = httpsCallable(getFunctions(app, "europe-west1"), "verifyCode");
const onClick = () => signInWithEmailAndPassword(auth, "a@b.c", "password").then(() => verify({}));
createRoot(document.getElementById("root")!).render(createElement("button", { onClick }, "Sign in"));
`,
  );
  const outDir = join(dir, "dist");
  await build({
    root: dir,
    configFile: false,
    logLevel: "silent",
    build: { outDir, emptyOutDir: true, manifest: true },
  });
  const manifest = readManifest(outDir);
  return Object.values(manifest)
    .filter((chunk) => chunk.file.endsWith(".js"))
    .reduce((sum, chunk) => sum + gzipBytes(join(outDir, chunk.file)), 0);
}
