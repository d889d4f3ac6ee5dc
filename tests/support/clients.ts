import { randomUUID } from "node:crypto";
import { getApps as getAdminApps, initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getFirestore as getAdminFirestore } from "firebase-admin/firestore";
import { deleteApp, initializeApp } from "firebase/app";
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth } from "firebase/auth";
import {
  connectFunctionsEmulator,
  getFunctions,
  httpsCallable,
  type FunctionsError,
} from "firebase/functions";
import {
  FUNCTIONS_REGION,
  callableNames,
  collections,
  type SendVerificationCodeResult,
  type VerificationFailureDetails,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import { emulatorHost } from "./emulators.js";

export const PROJECT_ID = "demo-2fa";
const FUNCTIONS_PORT = 5001;

export function adminDb() {
  const app = getAdminApps()[0] ?? initializeAdminApp({ projectId: PROJECT_ID });
  return getAdminFirestore(app);
}

/** A fresh account in the Auth emulator, calling the functions with its real ID token. */
export async function newUser() {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, randomUUID());
  const auth = getAuth(app);
  const { host, port } = emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  connectAuthEmulator(auth, `http://${host}:${port}`, { disableWarnings: true });
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, host, FUNCTIONS_PORT);

  const email = `user-${randomUUID().slice(0, 8)}@example.com`;
  const { user } = await createUserWithEmailAndPassword(auth, email, "correct horse battery");
  const call =
    <Output>(name: string) =>
    async (data: unknown) =>
      (await httpsCallable<unknown, Output>(functions, name)(data)).data;

  return {
    uid: user.uid,
    email,
    send: call<SendVerificationCodeResult>(callableNames.sendVerificationCode),
    verify: call<VerifyCodeResult>(callableNames.verifyCode),
    dispose: () => deleteApp(app),
  };
}
export type TestUser = Awaited<ReturnType<typeof newUser>>;

/** The refusal a callable returned: its code and `details`. */
export async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const { code, details } = error as FunctionsError;
    return { code, details: details as VerificationFailureDetails };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

async function mailIdsTo(address: string): Promise<Set<string>> {
  const snapshot = await adminDb().collection(collections.mail).where("to", "==", address).get();
  return new Set(snapshot.docs.map((doc) => doc.id));
}

/** Sends a code with `send` and reads it from the new `mail` document it queued. */
export async function sendAndReadCode(
  user: TestUser,
  destination = user.email,
): Promise<{ code: string; result: SendVerificationCodeResult; mailId: string }> {
  const before = await mailIdsTo(destination);
  const result = await user.send({ purpose: "enroll", method: "email", destination });
  const created = [...(await mailIdsTo(destination))].filter((id) => !before.has(id));
  const [mailId] = created;
  if (created.length !== 1 || !mailId) {
    throw new Error(`expected one new mail, found ${created.length}`);
  }
  const mail = await adminDb().collection(collections.mail).doc(mailId).get();
  const code = /\b(\d{6})\b/.exec(String(mail.get("message.text")))?.[1];
  if (!code) throw new Error("no code in the mail text");
  return { code, result, mailId };
}

/** A different six-digit code, certain to be wrong. */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");
