import { randomUUID } from "node:crypto";
import { Timestamp } from "firebase-admin/firestore";
import { doc, getDoc, onSnapshot, setDoc } from "firebase/firestore";
import { httpsCallable } from "firebase/functions";
import { getFunctions } from "firebase/functions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FUNCTIONS_REGION,
  collections,
  type DeliveryMirrorDoc,
  type DeliveryMirrorId,
  type DeliveryState,
  type DeliveryStatusResult,
} from "@dash2fa/shared";
import {
  adminDb,
  newUser,
  refusalOf,
  sendAndReadCode,
  waitFor,
  type TestUser,
} from "../support/clients.js";

/** A Georgian mobile number the development SMS outbox delivers (see its outcome rules). */
const deliverableMobile = () =>
  `+995555${String(Math.floor(Math.random() * 1e5)).padStart(5, "0")}1`;

let user: TestUser;
const others: TestUser[] = [];
const stops: (() => void)[] = [];
beforeEach(async () => {
  user = await newUser();
});
afterEach(async () => {
  for (const stop of stops.splice(0)) stop();
  await Promise.all([user, ...others.splice(0)].map((u) => u.dispose()));
});

async function status(input: unknown): Promise<DeliveryStatusResult> {
  const functions = getFunctions(user.auth.app, FUNCTIONS_REGION);
  return (await httpsCallable<unknown, DeliveryStatusResult>(functions, "getDeliveryStatus")(input))
    .data;
}

const mirrorPath = (uid: string, id: DeliveryMirrorId) =>
  [collections.twoFactor, uid, collections.deliveries, id] as const;

/**
 * Listens to the mirror as the web app does, through the owner's own client and the
 * rules, and keeps every state it was told of, in order.
 */
function follow(owner: TestUser, id: DeliveryMirrorId) {
  const seen: DeliveryMirrorDoc[] = [];
  const stop = onSnapshot(doc(owner.firestore, ...mirrorPath(owner.uid, id)), (snapshot) => {
    if (snapshot.exists()) seen.push(snapshot.data() as DeliveryMirrorDoc);
  });
  stops.push(stop);
  const until = (state: DeliveryState, codeExpiresAt: number) =>
    waitFor(async () => {
      const last = seen.at(-1);
      return last?.state === state && last.codeExpiresAt === codeExpiresAt ? last : undefined;
    }, `the mirror of ${id} to say ${state}`);
  return { seen, until };
}

describe("live delivery state, mirrored for its owner", () => {
  it("follows the email carrying the code to delivered, and holds nothing else", async () => {
    const mirror = follow(user, "enroll_email");
    const { result, outboundId } = await sendAndReadCode(user);
    const final = await mirror.until("delivered", result.expiresAt);
    expect(Object.keys(final).sort()).toEqual(["codeExpiresAt", "expireAt", "state", "updatedAt"]);
    expect(final.updatedAt).toBeGreaterThan(Date.now() - 60_000);
    // The TTL policy removes the mirror once its code has expired.
    const { expireAt } = final as DeliveryMirrorDoc & { expireAt: { toMillis(): number } };
    expect(expireAt.toMillis()).toBe(result.expiresAt);
    // The outbound document says whose code it carries, and nothing more about it.
    const outbound = await adminDb().collection(collections.mail).doc(outboundId).get();
    expect(outbound.get("carriesCode")).toEqual({
      uid: user.uid,
      purpose: "enroll",
      method: "email",
      expiresAt: result.expiresAt,
    });
  });

  it("follows a text through the network's sent to delivered", async () => {
    const to = deliverableMobile();
    const mirror = follow(user, "enroll_phone");
    const { result } = await sendAndReadCode(
      user,
      { purpose: "enroll", method: "phone", destination: to },
      to,
    );
    await mirror.until("delivered", result.expiresAt);
    const states = mirror.seen
      .filter((m) => m.codeExpiresAt === result.expiresAt)
      .map((m) => m.state);
    expect(states).toEqual(["sent", "delivered"]);
  });

  it("says failed for a text that could not be delivered", async () => {
    const mirror = follow(user, "enroll_phone");
    const { result } = await sendAndReadCode(
      user,
      { purpose: "enroll", method: "phone", destination: "+995599000000" },
      "+995599000000",
    );
    await mirror.until("failed", result.expiresAt);
    expect((await status({ purpose: "enroll", method: "phone" })).state).toBe("failed");
  });

  it("says failed for an email the extension gave up on", async () => {
    const mirror = follow(user, "sign-in_email");
    const expiresAt = Date.now() + 600_000;
    const mail = await queued("sign-in", expiresAt);
    await mail.update({ "delivery.state": "PROCESSING" });
    await mail.update({ "delivery.state": "ERROR", "delivery.error": "Error: refused" });
    await mirror.until("failed", expiresAt);
  });

  it("is never taken back by an older code's message or an older state", async () => {
    const mirror = follow(user, "step-up_email");
    const older = await queued("step-up", Date.now() + 500_000);
    const newerExpiry = Date.now() + 600_000;
    const newer = await queued("step-up", newerExpiry);

    // Twilio's statuses on an email stand in for any message: the reduction is one.
    await newer.update({ delivery: { state: "SUCCESS", info: { status: "sent" } } });
    await mirror.until("sent", newerExpiry);
    // The older code's message is delivered late: the mirror stays on the newer code.
    await older.update({ delivery: { state: "SUCCESS", info: { status: "delivered" } } });
    await newer.update({ delivery: { state: "SUCCESS", info: { status: "delivered" } } });
    await mirror.until("delivered", newerExpiry);
    // A receipt arriving after the final one cannot move it back.
    await newer.update({ delivery: { state: "SUCCESS", info: { status: "sent" } } });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(mirror.seen.map((m) => [m.state, m.codeExpiresAt === newerExpiry])).toEqual([
      ["sent", true],
      ["delivered", true],
    ]);
  });

  it("is readable by its owner only, and by no one written", async () => {
    const mirror = follow(user, "enroll_email");
    const { result } = await sendAndReadCode(user);
    await mirror.until("delivered", result.expiresAt);
    const stranger = await newUser();
    others.push(stranger);
    const path = mirrorPath(user.uid, "enroll_email");
    const refused = { code: "permission-denied" };
    await expect(getDoc(doc(stranger.firestore, ...path))).rejects.toMatchObject(refused);
    await expect(
      setDoc(doc(user.firestore, ...path), { state: "delivered", codeExpiresAt: 0, updatedAt: 0 }),
    ).rejects.toMatchObject(refused);
    expect((await getDoc(doc(user.firestore, ...path))).get("state")).toBe("delivered");
  });
});

/**
 * An email queued as the functions queue one carrying a code, but without a `message`, so
 * the development mail delivery leaves it alone: the test moves its delivery state
 * itself, as the extension would.
 */
async function queued(purpose: "enroll" | "sign-in" | "step-up", expiresAt: number) {
  const ref = adminDb().collection(collections.mail).doc(`test-${randomUUID()}`);
  await ref.create({
    expireAt: Timestamp.fromMillis(Date.now() + 60_000),
    carriesCode: { uid: user.uid, purpose, method: "email", expiresAt },
  });
  return ref;
}

describe("the callable the dialog falls back on", () => {
  it("follows the email carrying the code to delivered", async () => {
    await sendAndReadCode(user);
    const final = await waitFor(async () => {
      const result = await status({ purpose: "enroll", method: "email" });
      return result.state === "delivered" ? result : undefined;
    }, "delivered");
    expect(final).toEqual({ state: "delivered" });
  });

  it("refuses when no code is pending, and malformed input", async () => {
    expect((await refusalOf(status({ purpose: "sign-in", method: "email" }))).details.reason).toBe(
      "no-active-code",
    );
    expect((await refusalOf(status({ purpose: "enroll", method: "email", uid: "x" }))).code).toBe(
      "functions/invalid-argument",
    );
  });
});
