import { Timestamp } from "firebase-admin/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections, sendLimits, verificationPolicy } from "@dash2fa/shared";
import {
  adminDb,
  callWithHeaders,
  enableEmail,
  fillIpLimit,
  ipSendsIn,
  newUser,
  openSession,
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

/** Ends the resend cooldown, as 60 seconds would. */
async function endCooldown(u: TestUser) {
  const ref = adminDb().collection(collections.verifications).doc(`${u.uid}_enroll_email`);
  const sentAt = Timestamp.fromMillis(Date.now() - verificationPolicy.resendCooldownMs);
  await ref.update({ sentAt });
}

describe("send limits", () => {
  it("allow 5 codes per user in 15 minutes and refuse the 6th with the retry time", async () => {
    for (let i = 1; i <= sendLimits.perUserShort.max; i += 1) {
      await user.send({ purpose: "enroll", method: "email", destination: user.email });
      await endCooldown(user);
    }
    const refused = await refusalOf(
      user.send({ purpose: "enroll", method: "email", destination: user.email }),
    );
    expect(refused).toMatchObject({
      code: "functions/resource-exhausted",
      details: { reason: "rate-limited", limit: "user" },
    });
    expect(refused.details.retryAt).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("let a corrected address skip the cooldown, but not the limits nor the same address", async () => {
    const address = (i: number) => `fix-${i}-${user.uid.slice(0, 6).toLowerCase()}@example.com`;
    await user.send({ purpose: "enroll", method: "email", destination: address(0) });
    // The same address again within the minute is a resend: it waits.
    expect(
      (await refusalOf(user.send({ purpose: "enroll", method: "email", destination: address(0) })))
        .details,
    ).toMatchObject({ reason: "cooldown" });
    // The attack: a new address each time, to send faster than the cooldown allows.
    for (let i = 1; i < sendLimits.perUserShort.max; i += 1) {
      await user.send({ purpose: "enroll", method: "email", destination: address(i) });
    }
    const refused = await refusalOf(
      user.send({ purpose: "enroll", method: "email", destination: address(99) }),
    );
    expect(refused.details).toMatchObject({ reason: "rate-limited", limit: "user" });
    // The refusals wrote nothing: the last code still goes to the last address accepted.
    const challenge = await adminDb()
      .collection(collections.verifications)
      .doc(`${user.uid}_enroll_email`)
      .get();
    expect(challenge.get("destination")).toBe(address(sendLimits.perUserShort.max - 1));
  });

  it("allow 10 codes per destination a day, whoever asks, and refuse the 11th", async () => {
    const target = `victim-${Date.now()}@example.com`;
    for (let i = 0; i < sendLimits.perDestinationDaily.max; i += 1) {
      const sender = await newUser();
      others.push(sender);
      await sender.send({ purpose: "enroll", method: "email", destination: target });
    }
    const refused = await refusalOf(
      user.send({ purpose: "enroll", method: "email", destination: target }),
    );
    expect(refused.details).toMatchObject({ reason: "rate-limited", limit: "destination" });
    const mails = await adminDb().collection(collections.mail).where("to", "==", target).get();
    expect(mails.size).toBe(sendLimits.perDestinationDaily.max);
  });

  it(`refuse sends from an IP that already sent ${sendLimits.perIp.max} this hour`, async () => {
    await sendAndReadCode(user);
    // This hour's counter for this machine's address (cleared before each test).
    const [ipDoc] = (await adminDb().collection(collections.rateLimits).get()).docs.filter((d) =>
      d.id.startsWith("ip_"),
    );
    if (!ipDoc) throw new Error("the send was not counted for its IP address");
    await fillIpLimit(ipDoc);
    const other = await newUser();
    others.push(other);
    expect(
      (
        await refusalOf(
          other.send({ purpose: "enroll", method: "email", destination: other.email }),
        )
      ).details,
    ).toMatchObject({ reason: "rate-limited", limit: "ip" });
  });

  it("key the per-IP limit on an address the caller cannot forge", async () => {
    const ipBuckets = async () =>
      (await adminDb().collection(collections.rateLimits).get()).docs.filter((d) =>
        d.id.startsWith("ip_"),
      );
    const forgedSend = (sender: TestUser, n: number) =>
      callWithHeaders(
        sender,
        "sendVerificationCode",
        { purpose: "enroll", method: "email", destination: sender.email },
        { "x-forwarded-for": `203.0.113.${n}` },
      );
    for (let n = 1; n <= 4; n += 1) {
      const sender = await newUser();
      others.push(sender);
      expect((await forgedSend(sender, n)).result).toBeDefined();
    }
    // Four sends, four forged addresses: one counter, holding all four.
    const buckets = await ipBuckets();
    expect(buckets.map(ipSendsIn)).toEqual([4]);
    if (buckets[0]) await fillIpLimit(buckets[0]);
    expect((await forgedSend(user, 99)).error).toMatchObject({
      status: "RESOURCE_EXHAUSTED",
      details: { reason: "rate-limited", limit: "ip" },
    });
  });

  it("never let other accounts' sends block the owner's sign-in codes; aliases share the cap", async () => {
    await enableEmail(user);
    const [local, domain] = user.email.split("@");
    const aliases = (n: number) =>
      n % 2 ? `${local}+x${n}@${domain}` : `${local?.toUpperCase()}@${domain?.toUpperCase()}`;
    // The owner's own enrolment was the first of the ten a day this mailbox may get.
    for (let n = 1; n < sendLimits.perDestinationDaily.max; n += 1) {
      const stranger = await newUser();
      others.push(stranger);
      await stranger.send({ purpose: "enroll", method: "email", destination: aliases(n) });
    }
    const eleventh = await newUser();
    others.push(eleventh);
    expect(
      (
        await refusalOf(
          eleventh.send({
            purpose: "enroll",
            method: "email",
            destination: `${local}+new@${domain}`,
          }),
        )
      ).details,
    ).toMatchObject({ reason: "rate-limited", limit: "destination" });
    // The owner signs in from another browser: the code to the address on file still goes.
    const browser = await openSession(user.email);
    others.push(browser);
    await expect(browser.send({ purpose: "sign-in", method: "email" })).resolves.toMatchObject({
      purpose: "sign-in",
    });
  });

  it("let exactly the allowed number through when sends race", async () => {
    const attempts = await Promise.allSettled(
      Array.from({ length: 8 }, () =>
        user.send({ purpose: "enroll", method: "email", destination: user.email }),
      ),
    );
    expect(attempts.filter((a) => a.status === "fulfilled")).toHaveLength(1);
    const mails = await adminDb().collection(collections.mail).where("to", "==", user.email).get();
    expect(mails.size).toBe(1);
  });
});
