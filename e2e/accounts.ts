import { randomUUID } from "node:crypto";
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { expect } from "@playwright/test";
import { createTwoFactorUser, type TwoFactorUser } from "../scripts/lib/seed.js";

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
export async function readCodeFromOutbox(to: string, after = 0): Promise<string> {
  let code = "";
  await expect
    .poll(
      async () => {
        const snapshot = await db().collection("devOutbox").where("to", "==", to).get();
        const newest = snapshot.docs
          .map((doc) => doc.data() as { text: string; createdAt: number })
          .filter((item) => item.createdAt >= after)
          .sort((a, b) => b.createdAt - a.createdAt)[0];
        code = (newest && /\b(\d{6})\b/.exec(newest.text)?.[1]) ?? "";
        return code;
      },
      { message: `a code for ${to} in the development outbox`, timeout: 20_000 },
    )
    .toBeTruthy();
  return code;
}

/** Sets the user's failure history directly, as if those wrong codes had been typed. */
export async function setConsecutiveFailures(uid: string, failures: number, lockedUntil: number) {
  await db().collection("verificationGuards").doc(uid).set({
    consecutiveFailures: failures,
    lockedUntil,
    recoveryFailures: 0,
    recoveryLockedUntil: 0,
  });
}
