import { collection, getDocs, limit, orderBy, query } from "firebase/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  collections,
  sendLimits,
  type ActivityDoc,
  type RememberedDeviceToken,
} from "@dash2fa/shared";
import {
  PASSWORD,
  adminAuth,
  adminDb,
  enableEmail,
  moveEmailTwoFactor,
  newUser,
  openSession,
  refusalOf,
  sendAndReadCode,
  signInRemembering as rememberBrowser,
  stepUpByEmail,
  type TestUser,
} from "../support/clients.js";

let user: TestUser;
const extra: TestUser[] = [];
beforeEach(async () => {
  user = await newUser();
  await enableEmail(user);
});
afterEach(async () => {
  await Promise.all([user, ...extra.splice(0)].map((s) => s.dispose()));
});

async function browser() {
  const session = await openSession(user.email);
  extra.push(session);
  return session;
}

async function signInRemembering(): Promise<RememberedDeviceToken> {
  return rememberBrowser(await browser(), user.email);
}

describe("remembered devices", () => {
  it("skip the second step for 30 days, as a session without a recent verification", async () => {
    const device = await signInRemembering();
    expect(device.expiresAt - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(device.expiresAt - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);
    const later = await browser();
    const upgrade = await later.signInWithRememberedDevice({
      deviceId: device.deviceId,
      token: device.token,
    });
    await later.upgrade(upgrade);
    expect(await later.claims()).toMatchObject({ mfa: "device", mfaAt: 0 });
    // A device is not a verification: sensitive changes still ask for one.
    expect((await refusalOf(later.regenerateRecoveryCodes())).details.reason).toBe(
      "step-up-required",
    );
  });

  it("are refused with a wrong token, after revocation, and for another account", async () => {
    const device = await signInRemembering();
    const later = await browser();
    expect(
      (
        await refusalOf(
          later.signInWithRememberedDevice({ deviceId: device.deviceId, token: "x".repeat(43) }),
        )
      ).details.reason,
    ).toBe("device-not-recognized");

    const stranger = await newUser();
    extra.push(stranger);
    await enableEmail(stranger);
    const strangerBrowser = await openSession(stranger.email);
    extra.push(strangerBrowser);
    expect(
      (
        await refusalOf(
          strangerBrowser.signInWithRememberedDevice({
            deviceId: device.deviceId,
            token: device.token,
          }),
        )
      ).details.reason,
    ).toBe("device-not-recognized");

    await stepUpByEmail(user);
    expect(await user.revokeDevice({ deviceId: device.deviceId })).toEqual({ revoked: 1 });
    expect(
      (
        await refusalOf(
          later.signInWithRememberedDevice({ deviceId: device.deviceId, token: device.token }),
        )
      ).details.reason,
    ).toBe("device-not-recognized");
  });

  it("stop working after the password changes", async () => {
    const device = await signInRemembering();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await adminAuth().updateUser(user.uid, { password: `${PASSWORD}!` });
    await adminAuth().revokeRefreshTokens(user.uid);
    const later = await openSession(user.email, `${PASSWORD}!`);
    extra.push(later);
    expect(
      (
        await refusalOf(
          later.signInWithRememberedDevice({ deviceId: device.deviceId, token: device.token }),
        )
      ).details.reason,
    ).toBe("device-not-recognized");
  });

  it("stop working after a 2FA change", async () => {
    const device = await signInRemembering();
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await moveEmailTwoFactor(user);
    const later = await browser();
    expect(
      (
        await refusalOf(
          later.signInWithRememberedDevice({ deviceId: device.deviceId, token: device.token }),
        )
      ).details.reason,
    ).toBe("device-not-recognized");
  });

  it("are rate-limited per user, right or wrong", async () => {
    const device = await signInRemembering();
    const later = await browser();
    for (let i = 0; i < sendLimits.deviceSignIns.max; i += 1) {
      const wrong = { deviceId: device.deviceId, token: "x".repeat(43) };
      expect((await refusalOf(later.signInWithRememberedDevice(wrong))).details.reason).toBe(
        "device-not-recognized",
      );
    }
    expect(
      (
        await refusalOf(
          later.signInWithRememberedDevice({ deviceId: device.deviceId, token: device.token }),
        )
      ).details,
    ).toMatchObject({ reason: "rate-limited", retryAt: expect.any(Number) });
  });

  it(
    "never yield a session that outlives a 2FA change racing them",
    { timeout: 120_000 },
    async () => {
      // Two methods, so turning one off leaves 2FA on and the device's only obstacle is
      // the change itself.
      await stepUpByEmail(user);
      const phone = "+995555000111";
      const sent = await sendAndReadCode(
        user,
        { purpose: "enroll", method: "phone", destination: phone },
        phone,
      );
      await user.upgrade(
        await user.verify({ purpose: "enroll", method: "phone", code: sent.code }),
      );
      const device = await signInRemembering();
      const later = await browser();
      const attempts = Array.from({ length: 50 }, () =>
        later.signInWithRememberedDevice({ deviceId: device.deviceId, token: device.token }),
      );
      const disabled = user.disableMethod({ method: "phone" });
      const outcomes = await Promise.allSettled(attempts);
      await user.upgrade(await disabled);

      const status = await adminDb().collection(collections.twoFactor).doc(user.uid).get();
      const validAfter = status.get("sessionsValidAfter") as number;
      const issued = outcomes.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
      for (const { customToken } of issued) {
        const payload = JSON.parse(
          Buffer.from(customToken.split(".")[1] ?? "", "base64url").toString(),
        ) as { claims: { sessionAt: number } };
        // Issued before the change, so the rules refuse it from now on.
        expect(payload.claims.sessionAt).toBeLessThan(validAfter);
      }
      for (const o of outcomes) {
        if (o.status === "rejected") {
          expect([
            "functions/permission-denied",
            "functions/resource-exhausted",
            "functions/unavailable",
          ]).toContain((o.reason as { code: string }).code);
        }
      }
      // And one of them, used for real, reads nothing protected.
      if (issued[0]) {
        await later.upgrade(issued[0]);
        await expect(
          getDocs(
            collection(later.firestore, collections.twoFactor, user.uid, collections.devices),
          ),
        ).rejects.toMatchObject({ code: "permission-denied" });
      }
      // After the change, the device is refused outright.
      const after = await browser();
      expect(
        (
          await refusalOf(
            after.signInWithRememberedDevice({ deviceId: device.deviceId, token: device.token }),
          )
        ).details.reason,
      ).toMatch(/device-not-recognized|rate-limited/);
    },
  );

  it("are listed for the owner after the second step and revoked all at once", async () => {
    await signInRemembering();
    await signInRemembering();
    const devices = await getDocs(
      collection(user.firestore, collections.twoFactor, user.uid, collections.devices),
    );
    expect(devices.size).toBe(2);
    expect(devices.docs[0]?.get("browser")).toEqual(expect.any(String));
    await stepUpByEmail(user);
    expect(await user.revokeAllDevices()).toEqual({ revoked: 2 });
  });
});

describe("security activity", () => {
  it("records enabling, failures and sign-ins, newest first, readable by the owner", async () => {
    const session = await browser();
    const { code } = await sendAndReadCode(
      session,
      { purpose: "sign-in", method: "email" },
      user.email,
    );
    await refusalOf(
      session.verify({
        purpose: "sign-in",
        method: "email",
        code: "000000" === code ? "111111" : "000000",
      }),
    );
    await session.verify({ purpose: "sign-in", method: "email", code });
    const events = await getDocs(
      query(
        collection(user.firestore, collections.twoFactor, user.uid, collections.activity),
        orderBy("at", "desc"),
        limit(10),
      ),
    );
    const types = events.docs.map((d) => (d.data() as ActivityDoc).type);
    expect(types).toEqual(["sign-in-verified", "verification-failed", "method-enabled"]);
    expect(events.docs[0]?.data()).toMatchObject({ method: "email", browser: expect.any(String) });
  });

  it("emails a notice to the account address when a method is enabled", async () => {
    const mail = await adminDb().collection(collections.mail).where("to", "==", user.email).get();
    const notice = mail.docs.find((d) =>
      String(d.get("message.subject")).includes("Two-factor authentication was turned on"),
    );
    expect(notice?.get("message.text")).toContain("Wasn't you?");
  });
});
