/**
 * First half of the restart check, run while the emulators are up (a suite of
 * `scripts/emulated-suites.ts`): a user enables email 2FA, then signs in again and is
 * sent a code for the second step. Mid-flow, the emulator hub exports every emulator's
 * data; `after-restart.ts` then runs on emulators started from that export.
 */
import assert from "node:assert/strict";
import { mkdirSync, rmSync } from "node:fs";
import { collections } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  resetIpLimit,
  sendAndReadCode,
} from "../support/clients.js";
import { exportDir, restartDir, writeState } from "./state.js";

const HUB = `http://127.0.0.1:${process.env.FIREBASE_EMULATOR_HUB?.split(":")[1] ?? 4400}`;

async function main() {
  rmSync(restartDir, { recursive: true, force: true });
  mkdirSync(restartDir, { recursive: true });
  await resetIpLimit();

  const user = await newUser();
  const { recoveryCodes = [] } = await enableEmail(user);
  assert.equal(recoveryCodes.length, 10, "enabling the first method gives 10 recovery codes");
  const status = await adminDb().collection(collections.twoFactor).doc(user.uid).get();
  assert.equal(status.get("methods.email.enabled"), true);

  const browser = await openSession(user.email);
  const { code } = await sendAndReadCode(
    browser,
    { purpose: "sign-in", method: "email" },
    user.email,
  );

  const response = await fetch(`${HUB}/_admin/export`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ path: exportDir, initiatedBy: "restart-test" }),
  });
  assert.equal(response.status, 200, `the hub export failed: ${await response.text()}`);
  writeState({
    uid: user.uid,
    email: user.email,
    recoveryCodes,
    pendingSignInCode: code,
    exportedAt: Date.now(),
  });
  await Promise.all([user.dispose(), browser.dispose()]);
  console.log(`Exported the emulators mid sign-in to ${exportDir}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
