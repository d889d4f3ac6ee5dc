import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { collections, maskEmail, type TwoFactorStatusDoc } from "@dash2fa/shared";
import { emulatorEnv, projectId } from "./stack.js";

export interface DemoAccount {
  email: string;
  password: string;
  note: string;
  emailTwoFactor: boolean;
}

export const demoAccounts: DemoAccount[] = [
  { email: "demo@example.com", password: "demo-password", note: "no 2FA yet", emailTwoFactor: false },
  {
    email: "secure@example.com",
    password: "demo-password",
    note: "Email 2FA enabled",
    emailTwoFactor: true,
  },
];

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
    if (!account.emailTwoFactor) continue;
    const status: TwoFactorStatusDoc = {
      methods: {
        email: { enabled: true, maskedDestination: maskEmail(account.email), enabledAt: Date.now() },
      },
    };
    await db.collection(collections.twoFactor).doc(user.uid).set(status);
    await db.collection(collections.twoFactorDestinations).doc(user.uid).set({ email: account.email });
  }
}
