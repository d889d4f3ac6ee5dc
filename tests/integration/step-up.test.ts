import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STEP_UP_WINDOW_MS, collections } from "@dash2fa/shared";
import {
  adminAuth,
  adminDb,
  enableEmail,
  newUser,
  refusalOf,
  sendAndReadCode,
  type TestUser,
} from "../support/clients.js";

/** This browser's session as if its last verification was `agoMs` ago (the clock, moved). */
async function verifiedAgo(user: TestUser, agoMs: number) {
  const now = Math.floor(Date.now() / 1000);
  const customToken = await adminAuth().createCustomToken(user.uid, {
    mfa: "email",
    mfaAt: Math.floor((Date.now() - agoMs) / 1000),
    sessionAt: now,
  });
  await user.upgrade({ customToken });
}

async function stepUp(user: TestUser) {
  const { code } = await sendAndReadCode(user, { purpose: "step-up", method: "email" }, user.email);
  await user.upgrade(await user.verify({ purpose: "step-up", method: "email", code }));
}

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
  await enableEmail(user);
});
afterEach(() => user.dispose());

describe("step-up before sensitive changes", () => {
  it("allows a change within 10 minutes of the last verification", async () => {
    await verifiedAgo(user, STEP_UP_WINDOW_MS - 30_000);
    const result = await user.regenerateRecoveryCodes();
    expect(result.recoveryCodes).toHaveLength(10);
  });

  it.each([
    ["disabling a method", (u: TestUser) => u.disableMethod({ method: "email" })],
    ["regenerating recovery codes", (u: TestUser) => u.regenerateRecoveryCodes()],
    ["revoking devices", (u: TestUser) => u.revokeAllDevices()],
    [
      "changing the destination",
      (u: TestUser) =>
        u.send({ purpose: "enroll", method: "email", destination: "new-address@example.com" }),
    ],
  ])("refuses %s 10 minutes after the last verification", async (_name, action) => {
    await verifiedAgo(user, STEP_UP_WINDOW_MS + 30_000);
    expect(await refusalOf(action(user))).toMatchObject({
      code: "functions/permission-denied",
      details: { reason: "step-up-required" },
    });
  });

  it("disables a method after a fresh verification, ending 2FA and other sessions", async () => {
    await verifiedAgo(user, STEP_UP_WINDOW_MS + 30_000);
    await stepUp(user);
    const result = await user.disableMethod({ method: "email" });
    await user.upgrade(result);
    const status = (await adminDb().collection(collections.twoFactor).doc(user.uid).get()).data();
    expect(status).toMatchObject({ required: false, methods: {}, recoveryCodesRemaining: 0 });
    expect((await adminDb().collection(collections.recoveryCodes).doc(user.uid).get()).exists).toBe(
      false,
    );
    // The re-issued session keeps its verification time: no free extension of the window.
    const claims = await user.claims();
    expect(claims.sessionAt).toBeGreaterThanOrEqual(claims.mfaAt ?? 0);
  });

  it("changes the destination after a step-up and tells the old address", async () => {
    await stepUp(user);
    const { code } = await sendAndReadCode(user, {
      purpose: "enroll",
      method: "email",
      destination: `new-${user.email}`,
    });
    const result = await user.verify({ purpose: "enroll", method: "email", code });
    expect(result.maskedDestination).toBe("n•••@example.com");
    expect(result.recoveryCodes).toBeUndefined();
    const notices = await adminDb()
      .collection(collections.mail)
      .where("to", "==", user.email)
      .get();
    expect(
      notices.docs.some((d) =>
        String(d.get("message.subject")).includes("two-factor authentication details changed"),
      ),
    ).toBe(true);
  });

  it("refuses to enable a method again with the same destination", async () => {
    expect(
      (await refusalOf(user.send({ purpose: "enroll", method: "email", destination: user.email })))
        .details.reason,
    ).toBe("method-already-enabled");
  });
});
