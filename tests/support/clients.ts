import { randomUUID } from "node:crypto";
import { getApps as getAdminApps, initializeApp as initializeAdminApp } from "firebase-admin/app";
import { getAuth as getAdminAuth } from "firebase-admin/auth";
import { getFirestore as getAdminFirestore, type DocumentSnapshot } from "firebase-admin/firestore";
import { deleteApp, initializeApp } from "firebase/app";
import {
  connectAuthEmulator,
  createUserWithEmailAndPassword,
  getAuth,
  signInWithCustomToken,
  signInWithEmailAndPassword,
} from "firebase/auth";
import { connectFirestoreEmulator, getFirestore, setLogLevel } from "firebase/firestore";
import {
  connectFunctionsEmulator,
  getFunctions,
  httpsCallable,
  type Functions,
  type FunctionsError,
} from "firebase/functions";
import {
  FUNCTIONS_REGION,
  collections,
  sendLimits,
  newSession,
  type RememberedDeviceToken,
  type SendVerificationCodeResult,
  type SecondStepClaims,
  type SessionDoc,
  type SessionUpgrade,
  type RefusalDetails,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import type { CallableName, CallableResult } from "@dash2fa/shared/contract";
import type { SendVerificationCodeInput } from "@dash2fa/shared/phone";
import { emulatorHost } from "./emulators.js";

export const PROJECT_ID = "demo-2fa";
const FUNCTIONS_PORT = 5001;
export const PASSWORD = "correct horse battery";

export function adminApp() {
  return getAdminApps()[0] ?? initializeAdminApp({ projectId: PROJECT_ID });
}
export const adminDb = () => getAdminFirestore(adminApp());
export const adminAuth = () => getAdminAuth(adminApp());

/**
 * Callables of the shared contract by name, their results typed by it. The input is left
 * open on purpose: the attacks send what no typed client would.
 */
function callerOf(functions: Functions) {
  return <Name extends CallableName>(name: Name) =>
    async (data?: unknown): Promise<CallableResult<Name>> =>
      (await httpsCallable<unknown, CallableResult<Name>>(functions, name)(data ?? {})).data;
}

/** One browser: its own Firebase app, signed in, calling the functions with real ID tokens. */
export async function openSession(email: string, password = PASSWORD, create = false) {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, randomUUID());
  const auth = getAuth(app);
  const { host, port } = emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  connectAuthEmulator(auth, `http://${host}:${port}`, { disableWarnings: true });
  const functions = getFunctions(app, FUNCTIONS_REGION);
  connectFunctionsEmulator(functions, host, FUNCTIONS_PORT);
  const firestore = getFirestore(app);
  const fs = emulatorHost("FIRESTORE_EMULATOR_HOST");
  connectFirestoreEmulator(firestore, fs.host, fs.port);
  setLogLevel("silent");

  const { user } = create
    ? await createUserWithEmailAndPassword(auth, email, password)
    : await signInWithEmailAndPassword(auth, email, password);
  const callAs = callerOf(functions);

  return {
    uid: user.uid,
    email,
    auth,
    firestore,
    send: callAs("sendVerificationCode"),
    verify: callAs("verifyCode"),
    useRecoveryCode: callAs("useRecoveryCode"),
    signInWithRememberedDevice: callAs("signInWithRememberedDevice"),
    disableMethod: callAs("disableMethod"),
    setPreferredMethod: callAs("setPreferredMethod"),
    regenerateRecoveryCodes: callAs("regenerateRecoveryCodes"),
    revokeDevice: callAs("revokeDevice"),
    revokeAllDevices: callAs("revokeAllDevices"),
    startTotpEnrollment: callAs("startTotpEnrollment"),
    startPasskeyRegistration: callAs("startPasskeyRegistration"),
    finishPasskeyRegistration: callAs("finishPasskeyRegistration"),
    startPasskeyVerification: callAs("startPasskeyVerification"),
    finishPasskeyVerification: callAs("finishPasskeyVerification"),
    renamePasskey: callAs("renamePasskey"),
    removePasskey: callAs("removePasskey"),
    changePassword: callAs("changePassword"),
    touchSession: callAs("touchSession"),
    signOutSession: callAs("signOutSession"),
    signOutOtherSessions: callAs("signOutOtherSessions"),
    /** Signs this browser in with a custom token a verification returned. */
    async upgrade(result: SessionUpgrade) {
      await signInWithCustomToken(auth, result.customToken);
    },
    async claims(): Promise<Partial<SecondStepClaims>> {
      const token = await auth.currentUser?.getIdTokenResult(true);
      return (token?.claims ?? {}) as Partial<SecondStepClaims>;
    },
    dispose: () => deleteApp(app),
  };
}

/**
 * Calls a callable over plain HTTP, as the SDK does, but with headers of the caller's
 * choosing (a forged `X-Forwarded-For`). Resolves with the protocol's JSON answer.
 */
export async function callWithHeaders(
  user: TestUser,
  name: string,
  data: unknown,
  headers: Record<string, string>,
): Promise<{ result?: unknown; error?: { status: string; details?: RefusalDetails } }> {
  const { host } = emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  const idToken = await user.auth.currentUser?.getIdToken();
  const response = await fetch(
    `http://${host}:${FUNCTIONS_PORT}/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`,
    {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${idToken}`,
        ...headers,
      },
      body: JSON.stringify({ data }),
    },
  );
  return (await response.json()) as Awaited<ReturnType<typeof callWithHeaders>>;
}

/** Calls callables as a browser that is not signed in (the forgotten-password pages). */
export function anonymousCaller() {
  const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, randomUUID());
  const functions = getFunctions(app, FUNCTIONS_REGION);
  const { host } = emulatorHost("FIREBASE_AUTH_EMULATOR_HOST");
  connectFunctionsEmulator(functions, host, FUNCTIONS_PORT);
  const callAs = callerOf(functions);
  return {
    requestPasswordReset: callAs("requestPasswordReset"),
    completePasswordReset: callAs("completePasswordReset"),
    dispose: () => deleteApp(app),
  };
}

/** A fresh account in the Auth emulator, signed in in its own browser. */
export async function newUser() {
  return openSession(`user-${randomUUID().slice(0, 8)}@example.com`, PASSWORD, true);
}
export type TestUser = Awaited<ReturnType<typeof newUser>>;

/** The refusal a callable returned: its code and `details`. */
export async function refusalOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    const { code, details } = error as FunctionsError;
    return { code, details: details as RefusalDetails };
  }
  throw new Error("expected the call to be refused, but it succeeded");
}

/**
 * Polls until `read` answers. The default allows for the Functions emulator starting a
 * new worker for a trigger on a busy machine, seen to take 20 seconds.
 */
export async function waitFor<T>(
  read: () => Promise<T | undefined>,
  what: string,
  timeoutMs = 40_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await read();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function outboundIds(collection: string, to: string): Promise<Set<string>> {
  const snapshot = await adminDb().collection(collection).where("to", "==", to).get();
  return new Set(snapshot.docs.map((doc) => doc.id));
}

/**
 * Sends a code and reads it the way a developer does: from the development outbox,
 * which keeps a copy after the outbound document has been redacted.
 */
export async function sendAndReadCode(
  user: TestUser,
  input: SendVerificationCodeInput = {
    purpose: "enroll",
    method: "email",
    destination: user.email,
  },
  to: string = "destination" in input ? input.destination : user.email,
): Promise<{ code: string; result: SendVerificationCodeResult; outboundId: string }> {
  const collection = input.method === "email" ? collections.mail : collections.messages;
  const before = await outboundIds(collection, to);
  const result = await user.send(input);
  const created = [...(await outboundIds(collection, to))].filter((id) => !before.has(id));
  const [outboundId] = created;
  if (created.length !== 1 || !outboundId) {
    throw new Error(`expected one new outbound message, found ${created.length}`);
  }
  const code = await readDeliveredCode(outboundId);
  return { code, result, outboundId };
}

export async function readDeliveredCode(outboundId: string): Promise<string> {
  const text = await waitFor(async () => {
    const copy = await adminDb().collection("devOutbox").doc(outboundId).get();
    return copy.exists ? String(copy.get("text")) : undefined;
  }, `delivery of ${outboundId}`);
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error("no code in the delivered message");
  return code;
}

/** The newest code delivered to `address` (email or phone) since `after` (epoch ms). */
export async function latestCodeTo(address: string, after: number): Promise<string> {
  const text = await waitFor(async () => {
    const snapshot = await adminDb().collection("devOutbox").where("to", "==", address).get();
    const newest = snapshot.docs
      .map((doc) => doc.data() as { text: string; createdAt: number })
      .filter((item) => item.createdAt >= after && /\b\d{6}\b/.test(item.text))
      .sort((a, b) => b.createdAt - a.createdAt)[0];
    return newest?.text;
  }, `a code for ${address}`);
  const code = /\b(\d{6})\b/.exec(text)?.[1];
  if (!code) throw new Error("no code in the delivered message");
  return code;
}

/** A different six-digit code, certain to be wrong. */
export const wrongCode = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, "0");

/** Every test runs from 127.0.0.1: clear the per-IP send counter between tests. */
export async function resetIpLimit(): Promise<void> {
  const snapshot = await adminDb().collection(collections.rateLimits).get();
  await Promise.all(
    snapshot.docs.filter((doc) => doc.id.startsWith("ip_")).map((doc) => doc.ref.delete()),
  );
}

/** The sends an address's per-IP document (`rateLimits/ip_…`) counts, over its buckets. */
export function ipSendsIn(doc: DocumentSnapshot): number {
  const windows = (doc.get("windows") ?? {}) as Record<string, number>;
  return Object.values(windows).reduce((sum, count) => sum + count, 0);
}

/** Fills every bucket an address's per-IP document holds up to the limit. */
export async function fillIpLimit(doc: DocumentSnapshot): Promise<void> {
  const windows = (doc.get("windows") ?? {}) as Record<string, number>;
  const full = Object.fromEntries(Object.keys(windows).map((key) => [key, sendLimits.perIp.max]));
  await doc.ref.set({ windows: full }, { merge: true });
}

/** Enables email 2FA for the user and upgrades their session; returns the recovery codes. */
export async function enableEmail(user: TestUser): Promise<VerifyCodeResult> {
  const { code } = await sendAndReadCode(user);
  const result = await user.verify({ purpose: "enroll", method: "email", code });
  await user.upgrade(result);
  return result;
}

/** A fresh verification by the user's email method, as "Confirm it's you" does. */
export async function stepUpByEmail(user: TestUser): Promise<void> {
  const { code } = await sendAndReadCode(user, { purpose: "step-up", method: "email" }, user.email);
  await user.upgrade(await user.verify({ purpose: "step-up", method: "email", code }));
}

/** The session record of `uid`'s session `sid`, as the functions keep it. */
export function sessionRef(uid: string, sid: string) {
  return adminDb()
    .collection(collections.twoFactor)
    .doc(uid)
    .collection(collections.sessions)
    .doc(sid);
}

export async function readSession(uid: string, sid: string): Promise<SessionDoc | undefined> {
  return (await sessionRef(uid, sid).get()).data() as SessionDoc | undefined;
}

/**
 * Re-issues `user`'s session as the functions would now, but with its last verification
 * at `mfaAt` (epoch seconds): the clock, moved. Like the functions, it stamps the session
 * no earlier than the status's `sessionsValidAfter`, so it counts as after the last change,
 * and it goes on in the user's session record (one is started if there is none).
 */
export async function sessionVerifiedAt(
  user: TestUser,
  mfa: SecondStepClaims["mfa"],
  mfaAt: number,
): Promise<void> {
  const status = await adminDb().collection(collections.twoFactor).doc(user.uid).get();
  const validAfter = Number(status.get("sessionsValidAfter") ?? 0);
  const now = Date.now();
  const sessionAt = Math.max(Math.floor(now / 1000), validAfter);
  let sid = (await user.claims()).sid;
  if (!sid || !(await readSession(user.uid, sid))) {
    const ref = adminDb()
      .collection(collections.twoFactor)
      .doc(user.uid)
      .collection(collections.sessions)
      .doc();
    // As a session start records it, with the status's `sessionsLiveUntil`.
    const started = newSession(
      now,
      { browser: "Browser on unknown system", how: mfa, sessionAt },
      { sessionsLiveUntil: status.get("sessionsLiveUntil") as number | undefined },
    );
    await ref.set(started.session);
    await status.ref.set({ sessionsLiveUntil: started.sessionsLiveUntil }, { merge: true });
    sid = ref.id;
  }
  await user.upgrade({
    customToken: await adminAuth().createCustomToken(user.uid, { mfa, mfaAt, sessionAt, sid }),
  });
}

/** A 2FA change by `user`: after a step-up, email 2FA moves to a new address. */
export async function moveEmailTwoFactor(user: TestUser): Promise<void> {
  await stepUpByEmail(user);
  const { code } = await sendAndReadCode(user, {
    purpose: "enroll",
    method: "email",
    destination: `moved-${user.email}`,
  });
  await user.upgrade(await user.verify({ purpose: "enroll", method: "email", code }));
}

/** `browser` passes the second step with an email code and goes on in the session it starts. */
export async function passSecondStepByEmail(
  browser: TestUser,
  email: string,
  rememberDevice = false,
): Promise<VerifyCodeResult> {
  const { code } = await sendAndReadCode(browser, { purpose: "sign-in", method: "email" }, email);
  const result = await browser.verify({
    purpose: "sign-in",
    method: "email",
    code,
    rememberDevice,
  });
  await browser.upgrade(result);
  return result;
}

/** `browser` passes the second step with an email code and asks to be remembered. */
export async function signInRemembering(
  browser: TestUser,
  email: string,
): Promise<RememberedDeviceToken> {
  const { code } = await sendAndReadCode(browser, { purpose: "sign-in", method: "email" }, email);
  const { rememberedDevice } = await browser.verify({
    purpose: "sign-in",
    method: "email",
    code,
    rememberDevice: true,
  });
  if (!rememberedDevice) throw new Error("no device token returned");
  return rememberedDevice;
}
