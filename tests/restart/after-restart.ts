/**
 * Second half of the restart check, run on emulators started with
 * `--import <the export before-restart.ts made>`: nothing the user enabled is lost. The
 * status and recovery codes are there, the password still signs in, the sign-in code
 * sent before the restart still completes the second step, and a recovery code works.
 * Without the import, every step below fails.
 */
import assert from "node:assert/strict";
import { collections } from "@dash2fa/shared";
import { PASSWORD, adminDb, openSession } from "../support/clients.js";
import { readState } from "./state.js";

async function check(name: string, step: () => Promise<void>) {
  await step();
  console.log(`  ✓ ${name}`);
}

async function main() {
  const state = readState();
  const sessions: Awaited<ReturnType<typeof openSession>>[] = [];
  try {
    await check("email 2FA is still enabled, with 10 unused recovery codes", async () => {
      const status = await adminDb().collection(collections.twoFactor).doc(state.uid).get();
      assert.ok(status.exists, "the 2FA status document is missing");
      assert.equal(status.get("required"), true);
      assert.equal(status.get("methods.email.enabled"), true);
      assert.equal(status.get("recoveryCodesRemaining"), 10);
      const codes = await adminDb().collection(collections.recoveryCodes).doc(state.uid).get();
      const stored = (codes.get("codes") ?? []) as { usedAt: number | null }[];
      assert.equal(stored.filter((code) => code.usedAt === null).length, 10);
    });

    const browser = await openSession(state.email, PASSWORD);
    sessions.push(browser);
    await check("the password signs the same account in", async () => {
      assert.equal(browser.uid, state.uid);
      assert.equal((await browser.claims()).mfa, undefined);
    });

    await check("the sign-in code sent before the restart completes the second step", async () => {
      const verified = await browser.verify({
        purpose: "sign-in",
        method: "email",
        code: state.pendingSignInCode,
      });
      await browser.upgrade(verified);
      assert.equal((await browser.claims()).mfa, "email");
    });

    await check("a recovery code from before the restart signs in", async () => {
      const other = await openSession(state.email, PASSWORD);
      sessions.push(other);
      const result = await other.useRecoveryCode({
        purpose: "sign-in",
        code: state.recoveryCodes[0],
      });
      assert.equal(result.recoveryCodesRemaining, 9);
    });
  } finally {
    await Promise.all(sessions.map((session) => session.dispose()));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
