import { createServer } from "node:net";
import { SetupError } from "./log.js";

function isFree(port: number, host: string): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => server.close(() => resolve(true)));
  });
}

/** Fails with the names of every busy port before anything is started. */
export async function assertPortsFree(ports: Record<string, number>): Promise<void> {
  const busy: string[] = [];
  for (const [name, port] of Object.entries(ports)) {
    if (!(await isFree(port, "127.0.0.1"))) busy.push(`${port} (${name})`);
  }
  if (busy.length > 0) {
    throw new SetupError(
      `Port${busy.length > 1 ? "s" : ""} already in use: ${busy.join(", ")}. ` +
        "Another copy of the stack may be running (stop it with Ctrl-C), or free the port (`ss -ltnp`).",
    );
  }
}

export async function waitForHttp(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new SetupError(`Timed out after ${timeoutMs / 1000} s waiting for ${url}.`);
}
