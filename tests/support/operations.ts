/**
 * Firestore operations per flow, as counted by the Functions emulator: every callable
 * there reports its own document reads and writes in the `x-firestore-ops` response
 * header (functions/src/emulator/op-count.ts). The flows are driven with raw HTTP calls
 * to the callable endpoints, the way the Firebase client SDK makes them, so the header
 * can be read. Used by the operation-budget test and by `npm run bench`.
 */
import { Timestamp } from "firebase-admin/firestore";
import {
  FUNCTIONS_REGION,
  collections,
  verificationPolicy,
  type SessionUpgrade,
} from "@dash2fa/shared";
import type { CallableName, CallableResult } from "@dash2fa/shared/contract";
import {
  PROJECT_ID,
  adminDb,
  newUser,
  openSession,
  readDeliveredCode,
  resetIpLimit,
  type TestUser,
} from "./clients.js";

export const OPERATIONS_HEADER = "x-firestore-ops";

export interface Operations {
  reads: number;
  writes: number;
}

/** Reads `reads=5; writes=4` back. */
export function parseOperations(header: string | null): Operations {
  const match = /^reads=(\d+); writes=(\d+)$/.exec(header?.trim() ?? "");
  if (!match) throw new Error(`no Firestore operation count in the response (${header})`);
  return { reads: Number(match[1]), writes: Number(match[2]) };
}

const FUNCTIONS_ORIGIN = `http://127.0.0.1:${process.env.FUNCTIONS_EMULATOR_PORT ?? 5001}`;

/** A callable of the contract, or the emulator's benchmark floor. */
type CountedName = CallableName | "benchFloor";
type CountedResult<Name extends CountedName> = Name extends CallableName
  ? CallableResult<Name>
  : unknown;

/** One callable call over HTTP, as the client SDK makes it; fails unless it succeeded. */
export async function callCounted<Name extends CountedName>(
  user: TestUser,
  name: Name,
  data: unknown,
): Promise<{ result: CountedResult<Name>; operations: Operations }> {
  const idToken = await user.auth.currentUser?.getIdToken();
  if (!idToken) throw new Error("the session is signed out");
  const response = await fetch(`${FUNCTIONS_ORIGIN}/${PROJECT_ID}/${FUNCTIONS_REGION}/${name}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${idToken}` },
    body: JSON.stringify({ data }),
  });
  const body = (await response.json()) as { result?: CountedResult<Name>; error?: unknown };
  if (!response.ok || body.result === undefined) {
    throw new Error(`${name} failed (${response.status}): ${JSON.stringify(body.error)}`);
  }
  return {
    result: body.result,
    operations: parseOperations(response.headers.get(OPERATIONS_HEADER)),
  };
}

/** The flows whose Firestore work is budgeted; each is one or two calls. */
export const flowSteps = {
  "enroll email": ["send", "verify"],
  resend: ["send"],
  "sign-in": ["send", "verify"],
  "step-up": ["send", "verify"],
  "sign-in with a recovery code": ["useRecoveryCode"],
} as const;
export type Flow = keyof typeof flowSteps;
export type FlowOperations = { [F in Flow]: Record<(typeof flowSteps)[F][number], Operations> };

/** Ends the resend cooldown of a challenge, as 60 seconds would. */
async function endCooldown(uid: string, challengeId: string) {
  const ref = adminDb().collection(collections.verifications).doc(`${uid}_${challengeId}`);
  const sentAt = Timestamp.fromMillis(Date.now() - verificationPolicy.resendCooldownMs);
  await ref.update({ sentAt });
}

const send = (user: TestUser, data: unknown) => callCounted(user, "sendVerificationCode", data);
const verify = (user: TestUser, data: unknown) => callCounted(user, "verifyCode", data);

/** Sends a code through `sendVerificationCode`, reads it as delivered, and verifies it. */
async function sendAndVerify(
  user: TestUser,
  input: { purpose: string; method: "email"; destination?: string },
) {
  const mail = adminDb().collection(collections.mail).where("to", "==", user.email);
  const before = new Set((await mail.get()).docs.map((doc) => doc.id));
  const sent = await send(user, input);
  const created = (await mail.get()).docs.filter((doc) => !before.has(doc.id));
  if (created.length !== 1) throw new Error(`expected one new email, found ${created.length}`);
  const code = await readDeliveredCode(created[0]!.id);
  const verified = await verify(user, { purpose: input.purpose, method: input.method, code });
  return { send: sent.operations, verify: verified.operations, result: verified.result };
}

/**
 * Runs every budgeted flow once with fresh users and returns what each call counted.
 * Only the callables' own work is counted: the delivery triggers a send sets off run as
 * functions of their own.
 */
export async function countFlowOperations(): Promise<FlowOperations> {
  const sessions: TestUser[] = [];
  try {
    await resetIpLimit();
    const user = await newUser();
    sessions.push(user);

    // Enrol email: the first code is sent, the cooldown passes, a second one replaces it.
    const enrollInput = { purpose: "enroll", method: "email", destination: user.email } as const;
    const firstSend = await send(user, enrollInput);
    await endCooldown(user.uid, "enroll_email");
    const enrolled = await sendAndVerify(user, enrollInput);
    await user.upgrade(enrolled.result as SessionUpgrade);
    const recoveryCodes = enrolled.result.recoveryCodes ?? [];

    // Step-up in the session that just enrolled.
    const steppedUp = await sendAndVerify(user, { purpose: "step-up", method: "email" });

    // Sign in from another browser with the password, then the emailed code…
    const browser = await openSession(user.email);
    sessions.push(browser);
    const signedIn = await sendAndVerify(browser, { purpose: "sign-in", method: "email" });

    // …and from a third with a recovery code instead.
    const recovering = await openSession(user.email);
    sessions.push(recovering);
    const recovered = await callCounted(recovering, "useRecoveryCode", {
      purpose: "sign-in",
      code: recoveryCodes[0],
    });

    return {
      "enroll email": { send: firstSend.operations, verify: enrolled.verify },
      resend: { send: enrolled.send },
      "sign-in": { send: signedIn.send, verify: signedIn.verify },
      "step-up": { send: steppedUp.send, verify: steppedUp.verify },
      "sign-in with a recovery code": { useRecoveryCode: recovered.operations },
    };
  } finally {
    await Promise.all(sessions.map((session) => session.dispose()));
  }
}
