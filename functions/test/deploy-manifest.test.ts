import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const functionsDir = join(import.meta.dirname, "..");
const discoveryBin = join(
  functionsDir,
  "..",
  "node_modules",
  "firebase-functions",
  "lib",
  "bin",
  "firebase-functions.js",
);

/**
 * Asks the built bundle (functions/lib, from `npm run build`) which functions it
 * declares, exactly the way `firebase deploy` discovers them.
 */
function discoverEndpoints(extraEnv: Record<string, string>): string[] {
  const output = join(mkdtempSync(join(tmpdir(), "manifest-")), "functions.json");
  const env: NodeJS.ProcessEnv = { ...process.env, FUNCTIONS_MANIFEST_OUTPUT_PATH: output };
  delete env.FUNCTIONS_EMULATOR;
  execFileSync(process.execPath, [discoveryBin], {
    cwd: functionsDir,
    env: { ...env, ...extraEnv },
    stdio: "pipe",
  });
  const manifest = JSON.parse(readFileSync(output, "utf8")) as {
    endpoints: Record<string, unknown>;
  };
  return Object.keys(manifest.endpoints).sort();
}

describe("what a deploy would ship", () => {
  const production = [
    "changePassword",
    "completePasswordReset",
    "disableMethod",
    "finishPasskeyRegistration",
    "finishPasskeyVerification",
    "followMailDelivery",
    "followSmsDelivery",
    "getDeliveryStatus",
    "redactStaleCodes",
    "regenerateRecoveryCodes",
    "removePasskey",
    "renamePasskey",
    "requestPasswordReset",
    "revokeAllDevices",
    "revokeDevice",
    "sendVerificationCode",
    "setPreferredMethod",
    "signInWithRememberedDevice",
    "signOutOtherSessions",
    "signOutSession",
    "startPasskeyRegistration",
    "startPasskeyVerification",
    "startTotpEnrollment",
    "touchSession",
    "useRecoveryCode",
    "verifyCode",
  ];
  const developmentOnly = ["benchFloor", "devDeliverMail", "devOutbox", "devResetLimits"];

  it("declares the production functions and none of the development ones", () => {
    expect(discoverEndpoints({})).toEqual(production);
  });

  it("does declare the development delivery and outbox inside the emulator", () => {
    expect(discoverEndpoints({ FUNCTIONS_EMULATOR: "true" })).toEqual(
      [...production, ...developmentOnly].sort(),
    );
  });
});
