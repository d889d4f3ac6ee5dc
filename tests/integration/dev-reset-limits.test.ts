import { Timestamp } from "firebase-admin/firestore";
import { getFunctions, httpsCallable } from "firebase/functions";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  FUNCTIONS_REGION,
  collections,
  lockoutPolicy,
  sendLimits,
  verificationPolicy,
} from "@dash2fa/shared";
import {
  adminDb,
  fillIpLimit,
  newUser,
  refusalOf,
  sendAndReadCode,
  type TestUser,
} from "../support/clients.js";

let user: TestUser;
const others: TestUser[] = [];
beforeEach(async () => {
  user = await newUser();
});
afterEach(async () => {
  await Promise.all([user, ...others.splice(0)].map((s) => s.dispose()));
});

async function another(): Promise<TestUser> {
  const other = await newUser();
  others.push(other);
  return other;
}

/**
 * The development outbox page's "Reset sending limits": an emulator-only callable outside
 * the contract, called by its name as the page calls it.
 */
async function resetLimits(caller: TestUser) {
  const call = httpsCallable<Record<string, never>, { limits: number; locks: number }>(
    getFunctions(caller.auth.app, FUNCTIONS_REGION),
    "devResetLimits",
  );
  return (await call({})).data;
}

/** Ends the resend cooldown of the user's email enrolment, as 60 seconds would. */
async function endCooldown(u: TestUser) {
  const ref = adminDb().collection(collections.verifications).doc(`${u.uid}_enroll_email`);
  const sentAt = Timestamp.fromMillis(Date.now() - verificationPolicy.resendCooldownMs);
  await ref.update({ sentAt });
}

const enrolEmail = (u: TestUser, destination = u.email) =>
  u.send({ purpose: "enroll", method: "email", destination });

const documentsIn = async (collection: string) =>
  (await adminDb().collection(collection).get()).docs;

describe("the development reset of the send limits", () => {
  it("lets a user who reached the per-user limit send again", async () => {
    for (let i = 1; i <= sendLimits.perUserShort.max; i += 1) {
      await enrolEmail(user);
      await endCooldown(user);
    }
    expect((await refusalOf(enrolEmail(user))).details).toMatchObject({
      reason: "rate-limited",
      limit: "user",
    });

    const cleared = await resetLimits(user);
    // This user's counter, its destination's and this machine's address at least.
    expect(cleared.limits).toBeGreaterThanOrEqual(3);
    expect(await documentsIn(collections.rateLimits)).toEqual([]);

    const { code, result } = await sendAndReadCode(user);
    expect(result).toMatchObject({ purpose: "enroll", method: "email" });
    expect(code).toMatch(/^\d{6}$/);
  });

  it("clears the per-IP counter and every account's code lock", async () => {
    await sendAndReadCode(user);
    const [ipDoc] = (await documentsIn(collections.rateLimits)).filter((d) =>
      d.id.startsWith("ip_"),
    );
    if (!ipDoc) throw new Error("the send was not counted for its IP address");
    await fillIpLimit(ipDoc);
    const locked = await another();
    await adminDb()
      .collection(collections.verificationGuards)
      .doc(locked.uid)
      .set({
        consecutiveFailures: lockoutPolicy.softThreshold,
        lockedUntil: Date.now() + lockoutPolicy.firstLockMs,
        recoveryFailures: 0,
        recoveryLockedUntil: 0,
      });
    expect((await refusalOf(enrolEmail(locked))).details).toMatchObject({
      reason: "rate-limited",
      limit: "ip",
    });

    // Called by another account: the emulator is the developer's own, so it clears all.
    const cleared = await resetLimits(user);
    expect(cleared.locks).toBeGreaterThanOrEqual(1);
    expect(await documentsIn(collections.verificationGuards)).toEqual([]);

    await expect(enrolEmail(locked)).resolves.toMatchObject({ purpose: "enroll" });
  });

  it("lets a destination that had its ten codes today get another", async () => {
    const target = `reset-${Date.now()}@example.com`;
    for (let i = 0; i < sendLimits.perDestinationDaily.max; i += 1) {
      await enrolEmail(await another(), target);
    }
    expect((await refusalOf(enrolEmail(user, target))).details).toMatchObject({
      reason: "rate-limited",
      limit: "destination",
    });

    await resetLimits(user);

    await expect(enrolEmail(user, target)).resolves.toMatchObject({ purpose: "enroll" });
  });

  it("leaves a challenge's resend cooldown alone: that is a minute, not a limit", async () => {
    await sendAndReadCode(user);
    await resetLimits(user);
    expect((await refusalOf(enrolEmail(user))).details).toMatchObject({ reason: "cooldown" });
  });
});
