import { randomUUID } from "node:crypto";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { createTwoFactorUser, type TwoFactorUser } from "../scripts/lib/seed.js";
import { latestCodeTo } from "../tests/support/clients.js";

export const PASSWORD = "correct horse battery";

/** Recovery codes for test accounts; they exist only in the test emulator. */
export const RECOVERY_CODES = Array.from(
  { length: 10 },
  (_, i) => `TEST-0000-0000-${String(i).padStart(4, "0")}`,
);

/** A mobile number no other test uses, since per-destination limits are global. */
export const uniqueMobile = () =>
  `+995555${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

export async function twoFactorAccount(
  options: Omit<TwoFactorUser, "email" | "password"> = { email2fa: true },
) {
  const account = {
    email: `e2e-${randomUUID().slice(0, 8)}@example.com`,
    password: PASSWORD,
    recoveryCodes: RECOVERY_CODES,
    ...options,
  };
  const uid = await createTwoFactorUser(account);
  return { ...account, uid };
}

const db = () => getFirestore(getApps()[0] ?? initializeApp({ projectId: "demo-2fa" }));

/** The newest code sent to `to` (email or phone), read from the development outbox. */
export const readCodeFromOutbox = (to: string, after = 0) => latestCodeTo(to, after);

/** Sets the user's failure history directly, as if those wrong codes had been typed. */
export async function setConsecutiveFailures(uid: string, failures: number, lockedUntil: number) {
  await db().collection("verificationGuards").doc(uid).set({
    consecutiveFailures: failures,
    lockedUntil,
    recoveryFailures: 0,
    recoveryLockedUntil: 0,
  });
}
