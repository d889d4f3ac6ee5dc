import { Timestamp } from "firebase-admin/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections, lockoutPolicy, verificationPolicy } from "@dash2fa/shared";
import {
  adminDb,
  newUser,
  refusalOf,
  sendAndReadCode,
  wrongCode,
  type TestUser,
} from "../support/clients.js";

const enroll = (code: string) => ({ purpose: "enroll", method: "email", code });
const challengeRef = (user: TestUser) =>
  adminDb().collection(collections.verifications).doc(`${user.uid}_enroll_email`);
const statusOf = async (user: TestUser) =>
  (await adminDb().collection(collections.twoFactor).doc(user.uid).get()).data();

/** Moves a challenge's clock back, as if `ms` had passed since it was sent. */
async function age(user: TestUser, ms: number) {
  const snapshot = await challengeRef(user).get();
  await challengeRef(user).update({
    sentAt: Timestamp.fromMillis(snapshot.get("sentAt").toMillis() - ms),
    expiresAt: Timestamp.fromMillis(snapshot.get("expiresAt").toMillis() - ms),
  });
}

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
});
afterEach(() => user.dispose());

describe("enabling email 2FA", () => {
  it("enables the method with the right code and consumes the challenge", async () => {
    const { code, result } = await sendAndReadCode(user);
    expect(result).toMatchObject({
      purpose: "enroll",
      method: "email",
      maskedDestination: `u•••@example.com`,
      attemptsLeft: verificationPolicy.maxFailedAttempts,
    });
    expect(result.expiresAt - Date.now()).toBeGreaterThan(
      verificationPolicy.codeLifetimeMs - 15_000,
    );

    const stored = (await challengeRef(user).get()).data();
    expect(JSON.stringify(stored)).not.toContain(code);
    expect(stored).toMatchObject({
      uid: user.uid,
      purpose: "enroll",
      method: "email",
      destination: user.email,
    });

    const verified = await user.verify(enroll(code));
    expect(verified).toMatchObject({
      purpose: "enroll",
      method: "email",
      maskedDestination: "u•••@example.com",
      customToken: expect.any(String),
    });
    expect(await statusOf(user)).toMatchObject({
      methods: { email: { enabled: true, maskedDestination: "u•••@example.com" } },
    });
    const destinations = await adminDb()
      .collection(collections.twoFactorDestinations)
      .doc(user.uid)
      .get();
    expect(destinations.get("email")).toBe(user.email);
    // Spent, not deleted: a second submission of the same code learns it was used.
    expect((await challengeRef(user).get()).get("consumedAt")).toEqual(expect.any(Number));
  });

  it("refuses a replay of a code that was already used", async () => {
    const { code } = await sendAndReadCode(user);
    await user.verify(enroll(code));
    expect(await refusalOf(user.verify(enroll(code)))).toMatchObject({
      code: "functions/permission-denied",
      details: { reason: "code-already-used" },
    });
    // A different code against the spent challenge finds no live code, and is not
    // counted as a guess.
    expect((await refusalOf(user.verify(enroll(wrongCode(code))))).details).toEqual({
      reason: "no-active-code",
    });
  });

  it("accepts a code typed with spaces or dashes", async () => {
    const { code } = await sendAndReadCode(user);
    await expect(
      user.verify(enroll(`${code.slice(0, 3)} ${code.slice(3)}`)),
    ).resolves.toMatchObject({
      method: "email",
    });
  });

  it("counts down the attempts left after each wrong code", async () => {
    const { code } = await sendAndReadCode(user);
    for (const [failures, left] of [
      [1, 4],
      [2, 3],
    ] as const) {
      expect(await refusalOf(user.verify(enroll(wrongCode(code))))).toEqual({
        code: "functions/permission-denied",
        details: {
          reason: "wrong-code",
          attemptsLeft: left,
          triesBeforeLock: lockoutPolicy.softThreshold - failures,
        },
      });
    }
    expect(await statusOf(user)).toBeUndefined();
  });

  it("refuses the sixth guess, even when it is the right code", async () => {
    const { code } = await sendAndReadCode(user);
    for (let left = 4; left >= 0; left -= 1) {
      expect((await refusalOf(user.verify(enroll(wrongCode(code))))).details).toEqual({
        reason: "wrong-code",
        attemptsLeft: left,
        triesBeforeLock: lockoutPolicy.softThreshold - (5 - left),
      });
    }
    const sixth = await refusalOf(user.verify(enroll(code)));
    expect(sixth).toMatchObject({
      code: "functions/failed-precondition",
      details: { reason: "attempts-exhausted", attemptsLeft: 0 },
    });
    expect(await statusOf(user)).toBeUndefined();
    // Asking again does not give five fresh guesses while the challenge lives.
    await age(user, verificationPolicy.resendCooldownMs);
    expect(
      (await refusalOf(user.send({ purpose: "enroll", method: "email", destination: user.email })))
        .details,
    ).toMatchObject({
      reason: "attempts-exhausted",
    });
  });

  it("refuses an expired code", async () => {
    const { code } = await sendAndReadCode(user);
    await age(user, verificationPolicy.codeLifetimeMs);
    expect(await refusalOf(user.verify(enroll(code)))).toEqual({
      code: "functions/deadline-exceeded",
      details: { reason: "expired" },
    });
    expect(await statusOf(user)).toBeUndefined();
  });

  it("accepts a code one second before it expires", async () => {
    const { code } = await sendAndReadCode(user);
    await age(user, verificationPolicy.codeLifetimeMs - 2_000);
    await expect(user.verify(enroll(code))).resolves.toMatchObject({ method: "email" });
  });
});

describe("resending a code", () => {
  it("is refused within 60 seconds, with the time it may be retried", async () => {
    const { result } = await sendAndReadCode(user);
    const refused = await refusalOf(
      user.send({ purpose: "enroll", method: "email", destination: user.email }),
    );
    expect(refused).toMatchObject({
      code: "functions/resource-exhausted",
      details: { reason: "cooldown" },
    });
    expect(refused.details.retryAt).toBe(result.resendAvailableAt);
    expect(result.resendAvailableAt - Date.now()).toBeGreaterThan(
      verificationPolicy.resendCooldownMs - 15_000,
    );
    const mails = await adminDb().collection(collections.mail).where("to", "==", user.email).get();
    expect(mails.size).toBe(1);
  });

  it("replaces the code and keeps the failure count", async () => {
    const first = await sendAndReadCode(user);
    await refusalOf(user.verify(enroll(wrongCode(first.code))));
    await refusalOf(user.verify(enroll(wrongCode(first.code))));
    await age(user, verificationPolicy.resendCooldownMs);

    const second = await sendAndReadCode(user);
    expect(second.result.attemptsLeft).toBe(3);
    if (second.code !== first.code) {
      expect((await refusalOf(user.verify(enroll(first.code)))).details).toEqual({
        reason: "wrong-code",
        attemptsLeft: 2,
        triesBeforeLock: lockoutPolicy.softThreshold - 3,
      });
    }
    await expect(user.verify(enroll(second.code))).resolves.toMatchObject({ method: "email" });
  });
});

describe("a code bound to its destination", () => {
  it("stops working when a code is sent to another address", async () => {
    const first = await sendAndReadCode(user);
    await age(user, verificationPolicy.resendCooldownMs);
    const other = `other-${user.email}`;
    const second = await sendAndReadCode(user, {
      purpose: "enroll",
      method: "email",
      destination: other,
    });
    if (first.code !== second.code) {
      expect((await refusalOf(user.verify(enroll(first.code)))).details.reason).toBe("wrong-code");
    }
    const verified = await user.verify(enroll(second.code));
    expect(verified.maskedDestination).toBe("o•••@example.com");
  });
});

describe("races and other users", () => {
  it("lets exactly one of two concurrent correct submissions succeed", async () => {
    const { code } = await sendAndReadCode(user);
    const outcomes = await Promise.allSettled([
      user.verify(enroll(code)),
      user.verify(enroll(code)),
    ]);
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    const [rejected] = outcomes.filter((o) => o.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason.details).toEqual({
      reason: "code-already-used",
    });
  });

  it("never lets one user's code verify for another user", async () => {
    const other = await newUser();
    try {
      const { code } = await sendAndReadCode(user);
      expect((await refusalOf(other.verify(enroll(code)))).details).toEqual({
        reason: "no-active-code",
      });
      await sendAndReadCode(other);
      const refused = await refusalOf(other.verify(enroll(code)));
      // A collision with the other user's own random code is possible but one in a million.
      expect(refused.details.reason).toBe("wrong-code");
      expect(await statusOf(other)).toBeUndefined();
    } finally {
      await other.dispose();
    }
  });
});

describe("bad input", () => {
  const badSends: unknown[] = [
    null,
    "enroll",
    42,
    {},
    { purpose: "enroll", method: "email" },
    { purpose: "enroll", method: "email", destination: "not-an-email" },
    { purpose: "enroll", method: "email", destination: `${"a".repeat(300)}@example.com` },
    { purpose: "enroll", method: "sms", destination: "+995555123456" },
    { purpose: "admin", method: "email", destination: "x@example.com" },
    { purpose: "enroll", method: "email", destination: "x@example.com", uid: "victim" },
    { purpose: "enroll", method: "email", destination: ["x@example.com"] },
  ];
  const badVerifies: unknown[] = [
    null,
    {},
    { purpose: "enroll", method: "email" },
    { purpose: "enroll", method: "email", code: 123456 },
    { purpose: "enroll", method: "email", code: "12345" },
    { purpose: "enroll", method: "email", code: "1234567" },
    { purpose: "enroll", method: "email", code: "12a456" },
    { purpose: "enroll", method: "email", code: "1".repeat(10_000) },
    { purpose: "enroll", method: "fax", code: "123456" },
    { purpose: "enroll", method: "email", code: "123456", uid: "victim" },
  ];

  async function snapshotOf(u: TestUser) {
    const db = adminDb();
    const [challenge, status, mail] = await Promise.all([
      challengeRef(u).get(),
      db.collection(collections.twoFactor).doc(u.uid).get(),
      db.collection(collections.mail).count().get(),
    ]);
    return { challenge: challenge.data(), status: status.data(), mailCount: mail.data().count };
  }

  it("gets invalid-argument from sendVerificationCode and writes nothing", async () => {
    const before = await snapshotOf(user);
    for (const input of badSends) {
      const refused = await refusalOf(user.send(input));
      expect(refused.code, JSON.stringify(input)).toBe("functions/invalid-argument");
      expect(refused.details.reason).toBe("invalid-input");
    }
    expect(await snapshotOf(user)).toEqual(before);
  });

  it("gets invalid-argument from verifyCode and changes no failure count", async () => {
    await sendAndReadCode(user);
    const before = await snapshotOf(user);
    for (const input of badVerifies) {
      const refused = await refusalOf(user.verify(input));
      expect(refused.code, JSON.stringify(input).slice(0, 80)).toBe("functions/invalid-argument");
    }
    expect(await snapshotOf(user)).toEqual(before);
  });
});
