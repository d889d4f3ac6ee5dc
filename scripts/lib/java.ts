import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { delimiter, dirname, join } from "node:path";
import { SetupError } from "./log.js";

/** firebase-tools 15 refuses older Java for the Firestore emulator. */
export const MIN_JAVA_MAJOR = 21;

function javaMajor(javaBin: string): number | undefined {
  const result = spawnSync(javaBin, ["-version"], { encoding: "utf8" });
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  if (!match) return undefined;
  const major = Number(match[1]);
  return major === 1 ? Number(match[2]) : major;
}

function candidates(jvmDir: string): string[] {
  const list: string[] = [];
  if (process.env.JAVA_HOME) list.push(join(process.env.JAVA_HOME, "bin", "java"));
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir) list.push(join(dir, "java"));
  }
  if (existsSync(jvmDir)) {
    for (const entry of readdirSync(jvmDir).sort().reverse()) {
      list.push(join(jvmDir, entry, "bin", "java"));
    }
  }
  return list.filter((file, index) => existsSync(file) && list.indexOf(file) === index);
}

/** JAVA_HOME, then `java` on PATH, then /usr/lib/jvm/*: the first at 21 or above. */
export function findJava(jvmDir = "/usr/lib/jvm"): { javaHome: string; major: number } {
  const seen: string[] = [];
  for (const javaBin of candidates(jvmDir)) {
    const major = javaMajor(javaBin);
    seen.push(`${javaBin} (${major ?? "unknown version"})`);
    if (major !== undefined && major >= MIN_JAVA_MAJOR) {
      return { javaHome: dirname(dirname(javaBin)), major };
    }
  }
  throw new SetupError(
    `Java ${MIN_JAVA_MAJOR} or newer is needed for the Firestore emulator. Found: ${
      seen.length ? seen.join(", ") : "no java at all"
    }. Install a JDK ${MIN_JAVA_MAJOR}+ or set JAVA_HOME to one.`,
  );
}
