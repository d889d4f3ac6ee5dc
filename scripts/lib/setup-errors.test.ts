import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { findJava } from "./java.js";
import { SetupError } from "./log.js";
import { assertPortsFree } from "./ports.js";

const savedEnv = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
afterEach(() => {
  process.env.PATH = savedEnv.PATH;
  if (savedEnv.JAVA_HOME === undefined) delete process.env.JAVA_HOME;
  else process.env.JAVA_HOME = savedEnv.JAVA_HOME;
});

/** A fake JDK whose `java -version` prints what an OpenJDK of that version prints. */
function fakeJdk(version: string): string {
  const home = mkdtempSync(join(tmpdir(), "jdk-"));
  const bin = join(home, "bin");
  mkdirSync(bin);
  const java = join(bin, "java");
  writeFileSync(java, `#!/bin/sh\necho 'openjdk version "${version}" 2025-04-15' >&2\n`);
  chmodSync(java, 0o755);
  return home;
}

describe("findJava", () => {
  it("prefers JAVA_HOME when it is new enough", () => {
    const home = fakeJdk("21.0.4");
    process.env.JAVA_HOME = home;
    expect(findJava()).toEqual({ javaHome: home, major: 21 });
  });

  it("skips a Java 17 JAVA_HOME for a newer one elsewhere", () => {
    const old = fakeJdk("17.0.15");
    const recent = fakeJdk("25.0.1");
    process.env.JAVA_HOME = old;
    process.env.PATH = `${join(recent, "bin")}:${savedEnv.PATH ?? ""}`;
    expect(findJava().javaHome).toBe(recent);
  });

  it("fails with one clear line naming every Java it found", () => {
    const old = fakeJdk("17.0.15");
    delete process.env.JAVA_HOME;
    process.env.PATH = join(old, "bin");
    const emptyJvmDir = mkdtempSync(join(tmpdir(), "jvm-"));
    expect(() => findJava(emptyJvmDir)).toThrow(SetupError);
    expect(() => findJava(emptyJvmDir)).toThrow(
      `Java 21 or newer is needed for the Firestore emulator. Found: ${join(old, "bin", "java")} (17).`,
    );
  });
});

describe("assertPortsFree", () => {
  it("names the busy port and what it is for, as a SetupError", async () => {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    try {
      const error = await assertPortsFree({ firestore: port }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SetupError);
      expect((error as Error).message).toContain(`${port} (firestore)`);
    } finally {
      server.close();
    }
  });
});
