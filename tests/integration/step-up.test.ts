import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STEP_UP_WINDOW_MS, collections } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  refusalOf,
  openSession,
  sendAndReadCode,
  sessionVerifiedAt,
  signInRemembering,
  stepUpByEmail,
  type TestUser,
} from "../support/clients.js";
import { SoftwareAuthenticator } from "../support/webauthn.js";

/** This browser's session as if its last verification was `agoMs` ago (the clock, moved). */
async function verifiedAgo(user: TestUser, agoMs: number) {
  await sessionVerifiedAt(user, "email", Math.floor((Date.now() - agoMs) / 1000));
}

const stepUp = stepUpByEmail;

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

/** A second browser of the user that skipped the second step as a remembered device. */
async function rememberedDeviceSession(owner: TestUser): Promise<TestUser> {
  const first = await openSession(owner.email);
  const rememberedDevice = await signInRemembering(first, owner.email);
  await first.dispose();
  const later = await openSession(owner.email);
  await later.upgrade(
    await later.signInWithRememberedDevice({
      deviceId: rememberedDevice.deviceId,
      token: rememberedDevice.token,
    }),
  );
  return later;
}

/** Every way a session can start adding a factor to an account that has 2FA on. */
const addingAFactor: [string, (u: TestUser) => Promise<unknown>][] = [
  [
    "a new phone number",
    (u) => u.send({ purpose: "enroll", method: "phone", destination: "+995555123456" }),
  ],
  [
    "a new email address",
    (u) => u.send({ purpose: "enroll", method: "email", destination: `other-${u.email}` }),
  ],
  ["an authenticator app", (u) => u.startTotpEnrollment()],
  ["a passkey", (u) => u.startPasskeyRegistration()],
];

describe("adding a factor needs the same step-up as removing one", () => {
  it.each(addingAFactor)(
    "refuses %s from a session verified 11 minutes ago",
    async (_name, add) => {
      await verifiedAgo(user, STEP_UP_WINDOW_MS + 60_000);
      expect(await refusalOf(add(user))).toMatchObject({
        code: "functions/permission-denied",
        details: { reason: "step-up-required" },
      });
    },
  );

  it("refuses every way of adding a factor from a remembered-device session", async () => {
    const device = await rememberedDeviceSession(user);
    try {
      for (const [name, add] of addingAFactor) {
        expect({ name, ...(await refusalOf(add(device))) }).toMatchObject({
          name,
          details: { reason: "step-up-required" },
        });
      }
    } finally {
      await device.dispose();
    }
  });

  it("stops the chain 'add a factor, then disable the others' at its first step", async () => {
    const device = await rememberedDeviceSession(user);
    try {
      expect((await refusalOf(device.startTotpEnrollment())).details.reason).toBe(
        "step-up-required",
      );
      expect((await refusalOf(device.disableMethod({ method: "email" }))).details.reason).toBe(
        "step-up-required",
      );
      const status = await adminDb().collection(collections.twoFactor).doc(user.uid).get();
      expect(Object.keys(status.get("methods") as object)).toEqual(["email"]);
    } finally {
      await device.dispose();
    }
  });

  it("checks again when the enrolment completes, not only when it starts", async () => {
    await stepUp(user);
    const sent = await sendAndReadCode(user, {
      purpose: "enroll",
      method: "email",
      destination: `other-${user.email}`,
    });
    const key = new SoftwareAuthenticator();
    const { options } = await user.startPasskeyRegistration();
    // The window runs out between the start and the code (or the key's answer).
    await verifiedAgo(user, STEP_UP_WINDOW_MS + 60_000);
    expect(
      (await refusalOf(user.verify({ purpose: "enroll", method: "email", code: sent.code })))
        .details.reason,
    ).toBe("step-up-required");
    expect(
      (
        await refusalOf(
          user.finishPasskeyRegistration({ name: "Late key", response: key.register(options) }),
        )
      ).details.reason,
    ).toBe("step-up-required");
    // Refused before anything was written: the code is still live for a fresh session.
    await stepUp(user);
    await user.verify({ purpose: "enroll", method: "email", code: sent.code });
  });

  it("lets each way through after a fresh step-up", async () => {
    await verifiedAgo(user, STEP_UP_WINDOW_MS + 60_000);
    await stepUp(user);
    for (const [name, add] of addingAFactor) {
      await expect(add(user), name).resolves.toBeDefined();
    }
  });

  it("never counts enrolling as the verification step-up asks for", async () => {
    // A first method needs no step-up (there is nothing to step up with), but the
    // session it leaves has no recent verification: removing anything still asks.
    const fresh = await newUser();
    try {
      await enableEmail(fresh);
      expect((await fresh.claims()).mfaAt ?? 0).toBe(0);
      expect((await refusalOf(fresh.disableMethod({ method: "email" }))).details.reason).toBe(
        "step-up-required",
      );
      // Nor does adding a second factor refresh a step-up that is about to run out.
      const verifiedAt = Math.floor(Date.now() / 1000) - 9 * 60;
      await sessionVerifiedAt(fresh, "email", verifiedAt);
      const { started } = await enrollAppFor(fresh);
      expect(started.secret).toBeTruthy();
      expect((await fresh.claims()).mfaAt).toBe(verifiedAt);
    } finally {
      await fresh.dispose();
    }
  });
});

async function enrollAppFor(u: TestUser) {
  const started = await u.startTotpEnrollment();
  const totp = new TOTP({ secret: Secret.fromBase32(started.secret) });
  await u.upgrade(await u.verify({ purpose: "enroll", method: "totp", code: totp.generate() }));
  return { started };
}
