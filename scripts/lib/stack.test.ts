import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emulatorConfig, emulatorConfigName, firebaseArgs, root } from "./stack.js";

const firebaseJson = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")) as {
  extensions: Record<string, string>;
  emulators: Record<string, unknown>;
};

describe("production extensions next to an offline emulator", () => {
  it("declares Trigger Email and the project's own SMS extension for deploy", () => {
    expect(firebaseJson.extensions).toEqual({
      "firestore-send-email": expect.stringMatching(/^firebase\/firestore-send-email@\d/),
      "sms-sender": "./extensions/sms-sender",
    });
    for (const instance of Object.keys(firebaseJson.extensions)) {
      const env = readFileSync(join(root, "extensions", `${instance}.env`), "utf8");
      expect(env).not.toMatch(/^(SMTP_PASSWORD|TWILIO_AUTH_TOKEN)=/m);
    }
  });

  it("gives the emulators only the extensions installed from a local path", () => {
    const config = emulatorConfig(firebaseJson);
    expect(config.extensions).toEqual({ "sms-sender": "./extensions/sms-sender" });
    expect(config.emulators).toEqual(firebaseJson.emulators);
  });

  it("starts the Auth, Firestore, Functions and Extensions emulators from that copy", () => {
    for (const command of ["start", "exec"] as const) {
      const args = firebaseArgs(command);
      expect(args[args.indexOf("--only") + 1]).toBe("auth,firestore,functions,extensions");
      expect(args[args.indexOf("--config") + 1]).toBe(emulatorConfigName);
    }
    expect(firebaseJson.emulators).not.toHaveProperty("extensions");
    expect(firebaseJson.emulators).toMatchObject({ ui: { enabled: false } });
  });
});
