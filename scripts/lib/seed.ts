import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import {
  collections,
  maskEmail,
  maskPhone,
  type TwoFactorStatusDoc,
} from "@dash2fa/shared";
import { hashRecoveryCode } from "../../functions/src/security/recovery-code-hash.js";
import { emulatorEnv, projectId, root } from "./stack.js";

export interface DemoAccount {
  email: string;
  password: string;
  note: string;
  /** Enabled 2FA: the phone number, if any, for SMS. */
  twoFactor?: { phone: string };
}

export const demoAccounts: DemoAccount[] = [
  { email: "demo@example.com", password: "demo-password", note: "no 2FA yet" },
  {
    email: "secure@example.com",
    password: "demo-password",
    note: "Email and SMS 2FA enabled",
    twoFactor: { phone: "+995555123456" },
  },
];

/** Fixed so a developer can try them; they exist only in the local emulator. */
export const demoRecoveryCodes = [
  "SEED-0000-0000-0001",
  "SEED-0000-0000-0002",
  "SEED-0000-0000-0003",
  "SEED-0000-0000-0004",
  "SEED-0000-0000-0005",
  "SEED-0000-0000-0006",
  "SEED-0000-0000-0007",
  "SEED-0000-0000-0008",
  "SEED-0000-0000-0009",
  "SEED-0000-0000-000A",
];

function hmacSecret(): string {
  const file = readFileSync(join(root, "functions", ".secret.local"), "utf8");
  const secret = /^OTP_HMAC_SECRET=(.+)$/m.exec(file)?.[1];
  if (!secret) throw new Error("functions/.secret.local has no OTP_HMAC_SECRET");
  return secret.trim();
}

/** Creates the demo accounts in the emulators unless they already exist (data persists). */
export async function seedDemoAccounts(): Promise<void> {
  Object.assign(process.env, emulatorEnv);
  const app = getApps()[0] ?? initializeApp({ projectId });
  const auth = getAuth(app);
  const db = getFirestore(app);
  for (const account of demoAccounts) {
    const existing = await auth.getUserByEmail(account.email).catch(() => undefined);
    if (existing) continue;
    const user = await auth.createUser({
      email: account.email,
      password: account.password,
      emailVerified: true,
    });
    if (!account.twoFactor) continue;
    const now = Date.now();
    const status: TwoFactorStatusDoc = {
      methods: {
        email: { enabled: true, maskedDestination: maskEmail(account.email), enabledAt: now },
        phone: {
          enabled: true,
          maskedDestination: maskPhone(account.twoFactor.phone),
          enabledAt: now,
        },
      },
      required: true,
      sessionsValidAfter: 0,
      recoveryCodesRemaining: demoRecoveryCodes.length,
      lastUsedMethod: "email",
    };
    const secret = hmacSecret();
    await db.collection(collections.twoFactor).doc(user.uid).set(status);
    await db
      .collection(collections.twoFactorDestinations)
      .doc(user.uid)
      .set({ email: account.email, phone: account.twoFactor.phone });
    await db
      .collection(collections.recoveryCodes)
      .doc(user.uid)
      .set({
        codes: demoRecoveryCodes.map((code) => ({
          hash: hashRecoveryCode(secret, user.uid, code),
          usedAt: null,
        })),
        generatedAt: now,
      });
  }
}
