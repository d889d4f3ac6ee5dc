import { readFileSync } from "node:fs";
import { join } from "node:path";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { getFirestore } from "firebase-admin/firestore";
import { collections, maskEmail, type TwoFactorStatusDoc } from "@dash2fa/shared";
import { maskPhone } from "@dash2fa/shared/phone";
import { hashRecoveryCode, sealSecret } from "@dash2fa/shared/server";
import { Secret } from "otpauth";
import { emulatorEnv, projectId, root } from "./stack.js";

export interface DemoAccount {
  email: string;
  password: string;
  note: string;
  /** Enabled 2FA besides email: a phone number for SMS, an authenticator app secret. */
  twoFactor?: { phone?: string; totpSecret?: string };
}

/**
 * The authenticator app secret of the demo account, fixed (base32) so a developer can add
 * it to any authenticator app once; it exists only in the local emulator.
 */
export const demoTotpSecret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";

export const demoAccounts: DemoAccount[] = [
  { email: "demo@example.com", password: "demo-password", note: "no 2FA yet" },
  {
    email: "secure@example.com",
    password: "demo-password",
    note: "Email and SMS 2FA enabled",
    twoFactor: { phone: "+995555123456" },
  },
  {
    email: "app@example.com",
    password: "demo-password",
    note: `Authenticator app (secret ${demoTotpSecret}) and email 2FA enabled`,
    twoFactor: { totpSecret: demoTotpSecret },
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

function functionsSecret(name: "OTP_HMAC_SECRET" | "TOTP_SEALING_KEY"): string {
  const file = readFileSync(join(root, "functions", ".secret.local"), "utf8");
  const secret = new RegExp(`^${name}=(.+)$`, "m").exec(file)?.[1];
  if (!secret) throw new Error(`functions/.secret.local has no ${name}`);
  return secret.trim();
}

export interface TwoFactorUser {
  email: string;
  password: string;
  /** Methods to enable: the account address for email, and/or a mobile number. */
  email2fa?: boolean;
  phone?: string;
  /** An authenticator app secret (base32) to enable, sealed as the functions seal it. */
  totpSecret?: string;
  recoveryCodes?: string[];
}

/**
 * Creates an account with 2FA already enabled, exactly as the functions would leave it
 * (status, destinations, hashed recovery codes). Used by the demo seed and the
 * end-to-end tests; needs FIRESTORE_EMULATOR_HOST and FIREBASE_AUTH_EMULATOR_HOST.
 */
export async function createTwoFactorUser(account: TwoFactorUser): Promise<string> {
  Object.assign(process.env, { ...emulatorEnv, ...pick(process.env) });
  const app = getApps()[0] ?? initializeApp({ projectId });
  const db = getFirestore(app);
  const user = await getAuth(app).createUser({
    email: account.email,
    password: account.password,
    emailVerified: true,
  });
  const now = Date.now();
  const methods: TwoFactorStatusDoc["methods"] = {};
  const destinations: Record<string, string> = {};
  if (account.email2fa) {
    methods.email = { enabled: true, maskedDestination: maskEmail(account.email), enabledAt: now };
    destinations.email = account.email;
  }
  if (account.phone) {
    methods.phone = { enabled: true, maskedDestination: maskPhone(account.phone), enabledAt: now };
    destinations.phone = account.phone;
  }
  if (account.totpSecret) {
    methods.totp = { enabled: true, maskedDestination: "", enabledAt: now };
  }
  const enabled = Object.keys(methods).length > 0;
  const lastEnabled = (["totp", "phone", "email"] as const).find((method) => methods[method]);
  const codes = enabled ? (account.recoveryCodes ?? []) : [];
  const status: TwoFactorStatusDoc = {
    methods,
    required: enabled,
    sessionsValidAfter: Math.floor(now / 1000),
    recoveryCodesRemaining: codes.length,
    // As the functions leave it: the method enabled last (here email, then phone, then the app).
    ...(lastEnabled ? { lastUsedMethod: lastEnabled } : {}),
  };
  if (!enabled) return user.uid;
  const secret = functionsSecret("OTP_HMAC_SECRET");
  await db.collection(collections.twoFactor).doc(user.uid).set(status);
  if (account.totpSecret) {
    const bytes = Secret.fromBase32(account.totpSecret).bytes;
    await db
      .collection(collections.totpSecrets)
      .doc(user.uid)
      .set({
        active: {
          sealed: sealSecret(functionsSecret("TOTP_SEALING_KEY"), user.uid, bytes),
          enabledAt: now,
          lastUsedStep: 0,
        },
      });
  }
  await db.collection(collections.twoFactorDestinations).doc(user.uid).set(destinations);
  await db
    .collection(collections.recoveryCodes)
    .doc(user.uid)
    .set({
      codes: codes.map((code) => ({
        hash: hashRecoveryCode(secret, user.uid, code),
        usedAt: null,
      })),
      generatedAt: now,
    });
  return user.uid;
}

/** Emulator addresses already set (e.g. by `firebase emulators:exec`) win over defaults. */
function pick(env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = ["FIRESTORE_EMULATOR_HOST", "FIREBASE_AUTH_EMULATOR_HOST"] as const;
  return Object.fromEntries(keys.flatMap((key) => (env[key] ? [[key, env[key]]] : [])));
}

/** Creates the demo accounts in the emulators unless they already exist (data persists). */
export async function seedDemoAccounts(): Promise<void> {
  Object.assign(process.env, emulatorEnv);
  const app = getApps()[0] ?? initializeApp({ projectId });
  for (const account of demoAccounts) {
    const existing = await getAuth(app)
      .getUserByEmail(account.email)
      .catch(() => undefined);
    if (existing) continue;
    await createTwoFactorUser({
      email: account.email,
      password: account.password,
      email2fa: account.twoFactor !== undefined,
      ...(account.twoFactor?.phone ? { phone: account.twoFactor.phone } : {}),
      ...(account.twoFactor?.totpSecret ? { totpSecret: account.twoFactor.totpSecret } : {}),
      ...(account.twoFactor ? { recoveryCodes: demoRecoveryCodes } : {}),
    });
  }
}
