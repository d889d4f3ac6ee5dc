import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { firebaseArgs, root } from "./stack.js";

const firebaseJson = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")) as {
  extensions: Record<string, string>;
  emulators: Record<string, unknown>;
};

describe("production extensions next to an offline emulator", () => {
  it("declares the real Trigger Email and Twilio extensions for deploy", () => {
    expect(firebaseJson.extensions).toEqual({
      "firestore-send-email": expect.stringMatching(/^firebase\/firestore-send-email@\d/),
      "twilio-send-message": expect.stringMatching(/^twilio\/send-message@\d/),
    });
    for (const instance of Object.keys(firebaseJson.extensions)) {
      const env = readFileSync(join(root, "extensions", `${instance}.env`), "utf8");
      expect(env).not.toMatch(/^(SMTP_PASSWORD|TWILIO_AUTH_TOKEN)=/m);
    }
  });

  it("starts only the Auth, Firestore and Functions emulators, never the extensions one", () => {
    for (const command of ["start", "exec"] as const) {
      const args = firebaseArgs(command);
      expect(args[args.indexOf("--only") + 1]).toBe("auth,firestore,functions");
    }
    expect(firebaseJson.emulators).not.toHaveProperty("extensions");
    expect(firebaseJson.emulators).toMatchObject({ ui: { enabled: false } });
  });
});
