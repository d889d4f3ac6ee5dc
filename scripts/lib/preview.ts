/**
 * The production build of the web app served by `vite preview`, as users get it, for the
 * parts of the bench that drive a browser (time until the code arrives, Lighthouse).
 * `BENCH_PREVIEW_PORT` moves it off `ports.preview` when that port is taken.
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { SetupError } from "./log.js";
import { assertPortsFree, waitForHttp } from "./ports.js";
import { ports, root } from "./stack.js";

export const previewPort = Number(process.env.BENCH_PREVIEW_PORT ?? ports.preview);

export interface Preview {
  base: string;
  stop: () => void;
}

/** Starts `vite preview` on the built app and resolves once it answers. */
export async function startPreview(): Promise<Preview> {
  if (!existsSync(join(root, "web", "dist", "index.html"))) {
    throw new SetupError("No web build: run `npm run build --workspace web` first.");
  }
  await assertPortsFree({ preview: previewPort });
  const base = `http://127.0.0.1:${previewPort}`;
  const child = spawn(
    "npm",
    [
      "run",
      "preview",
      "--workspace",
      "web",
      "--",
      "--port",
      String(previewPort),
      "--strictPort",
      "--host",
      "127.0.0.1",
    ],
    { cwd: root, stdio: "ignore", detached: true },
  );
  const stop = () => {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  };
  try {
    await waitForHttp(base, 30_000);
  } catch (error) {
    stop();
    throw error;
  }
  return { base, stop };
}
