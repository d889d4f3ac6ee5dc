import { FieldValue } from "firebase-admin/firestore";
import { doc, getDoc } from "firebase/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  STEP_UP_WINDOW_MS,
  collections,
  newSession,
  sessionPolicy,
  type RememberedDeviceToken,
  type SessionDoc,
} from "@dash2fa/shared";
import {
  adminAuth,
  adminDb,
  enableEmail,
  moveEmailTwoFactor,
  newUser,
  openSession,
  passSecondStepByEmail,
  readSession,
  refusalOf,
  sendAndReadCode,
  sessionRef,
  sessionVerifiedAt,
  stepUpByEmail,
  type TestUser,
} from "../support/clients.js";
import { SoftwareAuthenticator } from "../support/webauthn.js";

/**
 * Sessions you can see and end (SPEC, "Sessions"). Each attack is made by a browser whose
 * ID token is still within its hour: an ended session must lose access on its next
 * request all the same, from the rules and from every callable.
 */

let owner: TestUser;
const others: TestUser[] = [];

beforeEach(async () => {
  owner = await newUser();
  await enableEmail(owner);
});
afterEach(async () => {
  await owner.dispose();
  await Promise.all(others.splice(0).map((browser) => browser.dispose()));
});

const ownerStatus = () => adminDb().collection(collections.twoFactor).doc(owner.uid);

/** A new passkey for `user`, as "Add a passkey" registers it. */
async function registerPasskey(user: TestUser, key: SoftwareAuthenticator) {
  const { options } = await user.startPasskeyRegistration();
  return user.finishPasskeyRegistration({ name: "Spare key", response: key.register(options) });
}

/** Another browser of the owner, signed in with the password and an email code. */
async function signInElsewhere(
  rememberDevice = false,
): Promise<TestUser & { rememberedDevice?: RememberedDeviceToken }> {
  const browser = await openSession(owner.email);
  others.push(browser);
  const result = await passSecondStepByEmail(browser, owner.email, rememberDevice);
  return Object.assign(browser, { rememberedDevice: result.rememberedDevice });
}

/** An ID token from signing in with the password just now, as "Change password" sends. */
async function passwordProof(email: string): Promise<string> {
  const browser = await openSession(email);
  others.push(browser);
  return (await browser.auth.currentUser?.getIdToken()) ?? "";
}

async function sidOf(browser: TestUser): Promise<string> {
  const { sid } = await browser.claims();
  if (!sid) throw new Error("the session has no id");
  return sid;
}

/** A protected read through the rules, with the browser's current ID token. */
async function readsNotes(browser: TestUser): Promise<boolean> {
  return getDoc(doc(browser.firestore, collections.users, owner.uid, "notes", "any")).then(
    () => true,
    () => false,
  );
}

/** Everything an ended session tries next is refused: the rules and the callables. */
async function expectEnded(browser: TestUser) {
  expect(await readsNotes(browser)).toBe(false);
  const attempts = [
    () => browser.touchSession(),
    () => browser.regenerateRecoveryCodes(),
    () => browser.send({ purpose: "sign-in", method: "email" }),
    () => browser.revokeAllDevices(),
  ];
  for (const attempt of attempts) {
    expect(await refusalOf(attempt())).toMatchObject({
      code: "functions/unauthenticated",
      details: { reason: "session-ended" },
    });
  }
}

describe("recorded sessions", () => {
  it("records each second step as a session: browser, times, how it was passed", async () => {
    const other = await signInElsewhere();
    const session = await readSession(owner.uid, await sidOf(other));
    expect(session).toMatchObject({ how: "email", endedAt: null, browser: expect.any(String) });
    expect(session!.expiresAt - session!.createdAt).toBe(sessionPolicy.absoluteLifetimeMs);
    expect(session!.idleExpiresAt - session!.lastSeenAt).toBe(sessionPolicy.idleTimeoutMs);
    // The first enrolment started the owner's own session; the other browser has its own.
    expect(await sidOf(owner)).not.toBe(await sidOf(other));
    expect(await readsNotes(other)).toBe(true);
  });

  it("records on the status when the last session started can end, whichever way it started", async () => {
    // A change that sees this passed reads no sessions to end: every session start must
    // move it, or a change would leave a live session's record open.
    const liveUntil = async () => Number((await ownerStatus().get()).get("sessionsLiveUntil"));
    const expiry = async (browser: TestUser) =>
      (await readSession(owner.uid, await sidOf(browser)))?.expiresAt ?? Infinity;
    expect(await liveUntil()).toBe(await expiry(owner));

    const byCode = await signInElsewhere(true);
    expect(await liveUntil()).toBe(await expiry(byCode));

    const byDevice = await openSession(owner.email);
    others.push(byDevice);
    const { rememberedDevice } = byCode;
    if (!rememberedDevice) throw new Error("the browser was not remembered");
    const { deviceId, token } = rememberedDevice;
    await byDevice.upgrade(await byDevice.signInWithRememberedDevice({ deviceId, token }));
    expect(await liveUntil()).toBe(await expiry(byDevice));

    await stepUpByEmail(owner);
    const { recoveryCodes } = await owner.regenerateRecoveryCodes();
    const byRecoveryCode = await openSession(owner.email);
    others.push(byRecoveryCode);
    await byRecoveryCode.upgrade(
      await byRecoveryCode.useRecoveryCode({ purpose: "sign-in", code: recoveryCodes[0] ?? "" }),
    );
    expect(await liveUntil()).toBe(await expiry(byRecoveryCode));
  });

  it("keeps a session's id through a step-up, so it stays one session", async () => {
    const before = await sidOf(owner);
    await stepUpByEmail(owner);
    expect(await sidOf(owner)).toBe(before);
  });

  it("refuses a 2FA session whose token names no session (issued before they were recorded)", async () => {
    const { sessionAt } = await owner.claims();
    await owner.upgrade({
      customToken: await adminAuth().createCustomToken(owner.uid, {
        mfa: "email",
        mfaAt: Math.floor(Date.now() / 1000),
        sessionAt,
      }),
    });
    expect(await readsNotes(owner)).toBe(false);
    expect(await refusalOf(owner.regenerateRecoveryCodes())).toMatchObject({
      details: { reason: "second-step-required" },
    });
  });
});

describe("signing out", () => {
  it("ends a browser's own session with no step-up, and nothing works from it after", async () => {
    const other = await signInElsewhere();
    await sessionVerifiedAt(other, "email", 0);
    expect(await other.signOutSession({ sessionId: await sidOf(other) })).toEqual({ ended: 1 });
    expect((await readSession(owner.uid, await sidOf(other)))?.endedReason).toBe("signed-out");
    await expectEnded(other);
  });

  it("ends another session only after a fresh step-up: a stolen session cannot end the owner's", async () => {
    const thief = await signInElsewhere();
    await sessionVerifiedAt(
      thief,
      "email",
      Math.floor((Date.now() - STEP_UP_WINDOW_MS - 60_000) / 1000),
    );
    const ownerSid = await sidOf(owner);
    const attempts = [
      () => thief.signOutSession({ sessionId: ownerSid }),
      () => thief.signOutOtherSessions(),
    ];
    for (const attempt of attempts) {
      expect(await refusalOf(attempt())).toMatchObject({ details: { reason: "step-up-required" } });
    }
    expect((await readSession(owner.uid, ownerSid))?.endedAt).toBeNull();
    expect(await readsNotes(owner)).toBe(true);
  });

  it("ends another session after a step-up; it is refused on its very next request", async () => {
    const other = await signInElsewhere();
    expect(await readsNotes(other)).toBe(true);
    await stepUpByEmail(owner);
    expect(await owner.signOutSession({ sessionId: await sidOf(other) })).toEqual({ ended: 1 });
    const ended = await readSession(owner.uid, await sidOf(other));
    expect(ended).toMatchObject({ endedReason: "ended-elsewhere", endedAt: expect.any(Number) });
    await expectEnded(other);
    expect(await readsNotes(owner)).toBe(true);
  });

  it("ends every other session at once, and keeps this one", async () => {
    const [second, third] = [await signInElsewhere(), await signInElsewhere()];
    await stepUpByEmail(owner);
    expect(await owner.signOutOtherSessions()).toEqual({ ended: 2 });
    await expectEnded(second!);
    await expectEnded(third!);
    expect(await readsNotes(owner)).toBe(true);
    await expect(owner.touchSession()).resolves.toMatchObject({ expiresAt: expect.any(Number) });
  });

  it("cannot end a session of another account: the id names nothing of the caller's", async () => {
    const stranger = await newUser();
    others.push(stranger);
    await enableEmail(stranger);
    await stepUpByEmail(stranger);
    expect(await stranger.signOutSession({ sessionId: await sidOf(owner) })).toEqual({ ended: 0 });
    expect(await readsNotes(owner)).toBe(true);
  });
});

describe("remembered devices end the sessions they started", () => {
  it("revoking a device ends the session it remembered and every sign-in made with it", async () => {
    const remembered = await signInElsewhere(true);
    const device = remembered.rememberedDevice!;
    // Later, the same browser signs in again by the remembered device alone.
    const again = await openSession(owner.email);
    others.push(again);
    await again.upgrade(
      await again.signInWithRememberedDevice({ deviceId: device.deviceId, token: device.token }),
    );
    expect((await readSession(owner.uid, await sidOf(again)))?.how).toBe("device");
    expect(await readsNotes(again)).toBe(true);

    await stepUpByEmail(owner);
    await owner.revokeDevice({ deviceId: device.deviceId });
    for (const browser of [remembered, again]) {
      expect((await readSession(owner.uid, await sidOf(browser)))?.endedReason).toBe(
        "device-revoked",
      );
      await expectEnded(browser);
    }
    expect(await readsNotes(owner)).toBe(true);
  });
});

describe("limits", () => {
  it("refuses a session past its idle limit, from the rules and the callables", async () => {
    const other = await signInElsewhere();
    await sessionRef(owner.uid, await sidOf(other)).update({ idleExpiresAt: Date.now() - 1_000 });
    await expectEnded(other);
  });

  it("refuses a session past its absolute lifetime, however recently used", async () => {
    const other = await signInElsewhere();
    await sessionRef(owner.uid, await sidOf(other)).update({ expiresAt: Date.now() - 1_000 });
    await expectEnded(other);
  });

  it("moves the idle limit on use, never past the absolute lifetime", async () => {
    const ref = sessionRef(owner.uid, await sidOf(owner));
    await ref.update({ idleExpiresAt: Date.now() + 60_000 });
    const touched = await owner.touchSession();
    expect(touched.idleExpiresAt).toBeGreaterThan(
      Date.now() + sessionPolicy.idleTimeoutMs - 60_000,
    );
    const expiresAt = Date.now() + 3_600_000;
    await ref.update({ expiresAt });
    expect(await owner.touchSession()).toEqual({ idleExpiresAt: expiresAt, expiresAt });
  });
});

describe("2FA and password changes", () => {
  it("end a session signed in between two changes made in the same second", async () => {
    // A change just made stamps the sessions issued after it a little ahead of the clock
    // (`sessionAtFor`); the next change, within that second, must still end them.
    const now = Math.floor(Date.now() / 1000);
    await ownerStatus().update({ sessionsValidAfter: now + 5 });
    await sessionVerifiedAt(owner, "email", now);
    const other = await signInElsewhere();
    expect(await readsNotes(other)).toBe(true);
    await owner.upgrade(
      await owner.changePassword({
        passwordProof: await passwordProof(owner.email),
        newPassword: "another long passphrase",
      }),
    );
    expect(await readsNotes(other)).toBe(false);
    expect((await readSession(owner.uid, await sidOf(other)))?.endedReason).toBe("account-changed");
    expect(await readsNotes(owner)).toBe(true);
  });

  it("mark every other session ended, and keep the one that made the change", async () => {
    const other = await signInElsewhere();
    await moveEmailTwoFactor(owner);
    expect((await readSession(owner.uid, await sidOf(other)))?.endedReason).toBe("account-changed");
    expect((await readSession(owner.uid, await sidOf(owner)))?.endedAt).toBeNull();
    await expectEnded(other);
    expect(await readsNotes(owner)).toBe(true);
    await owner.touchSession();
  });

  it("turning 2FA on again ends a session kept from when it was last on", async () => {
    // The owner turns 2FA off and stays signed in; another browser, with the password
    // only, turns it on again. The owner's session record is the one left to end.
    await stepUpByEmail(owner);
    await owner.upgrade(await owner.disableMethod({ method: "email" }));
    const kept = await sidOf(owner);
    expect((await readSession(owner.uid, kept))?.endedAt).toBeNull();
    expect((await ownerStatus().get()).get("required")).toBe(false);

    const other = await openSession(owner.email);
    others.push(other);
    await enableEmail(other);
    expect((await readSession(owner.uid, kept))?.endedReason).toBe("account-changed");
    await expectEnded(owner);
    expect(await readsNotes(other)).toBe(true);
  });

  it("on an account whose status never recorded when its sessions end, still ends them", async () => {
    // Accounts from before `sessionsLiveUntil` was kept: not knowing is not "none".
    const other = await signInElsewhere();
    await ownerStatus().update({ sessionsLiveUntil: FieldValue.delete() });
    await moveEmailTwoFactor(owner);
    expect((await readSession(owner.uid, await sidOf(other)))?.endedReason).toBe("account-changed");
    await expectEnded(other);
  });

  it("removing a passkey or turning a method off ends every other session, and keeps this one", async () => {
    await stepUpByEmail(owner);
    await owner.upgrade(await registerPasskey(owner, new SoftwareAuthenticator()));
    await owner.upgrade(await registerPasskey(owner, new SoftwareAuthenticator()));
    const [passkey] = (await ownerStatus().collection(collections.passkeys).get()).docs;

    const first = await signInElsewhere();
    await owner.upgrade(await owner.removePasskey({ passkeyId: passkey?.id ?? "" }));
    expect((await readSession(owner.uid, await sidOf(first)))?.endedReason).toBe("account-changed");
    await expectEnded(first);
    await owner.touchSession();

    // Email stays on: 2FA is still on, and the rules still hold every session to its record.
    const second = await signInElsewhere();
    await owner.upgrade(await owner.disableMethod({ method: "passkey" }));
    expect((await readSession(owner.uid, await sidOf(second)))?.endedReason).toBe(
      "account-changed",
    );
    await expectEnded(second);
    expect((await readSession(owner.uid, await sidOf(owner)))?.endedAt).toBeNull();
    expect(await readsNotes(owner)).toBe(true);
    await owner.touchSession();
  });

  it("end every session issued before a change, even one started while the change ran", async () => {
    await stepUpByEmail(owner);
    const status = adminDb().collection(collections.twoFactor).doc(owner.uid);
    // Sign-ins racing the change, as the functions start a session (`startSession`): the
    // status read, then the session stamped from it, committed a moment later. A sign-in
    // that only reads the status (a remembered device) conflicts with the change on
    // nothing else, so only the change's own read of the live sessions can catch it.
    const startRacingSession = (holdMs: number) =>
      adminDb().runTransaction(async (tx) => {
        const read = await tx.get(status);
        await new Promise((resolve) => setTimeout(resolve, holdMs));
        const now = Date.now();
        const started = newSession(
          now,
          {
            browser: "Browser on unknown system",
            how: "device",
            sessionAt: Math.max(Math.floor(now / 1000), Number(read.get("sessionsValidAfter"))),
          },
          { sessionsLiveUntil: read.get("sessionsLiveUntil") as number | undefined },
        );
        tx.create(status.collection(collections.sessions).doc(), started.session);
        tx.set(status, { sessionsLiveUntil: started.sessionsLiveUntil }, { merge: true });
      });
    const { code } = await sendAndReadCode(owner, {
      purpose: "enroll",
      method: "email",
      destination: `moved-${owner.email}`,
    });
    const racing = [0, 50, 150, 300].map(startRacingSession);
    await owner.upgrade(await owner.verify({ purpose: "enroll", method: "email", code }));
    await Promise.all(racing);

    const validAfter = Number((await status.get()).get("sessionsValidAfter"));
    const own = await sidOf(owner);
    const live = await status.collection(collections.sessions).where("endedAt", "==", null).get();
    const survivors = live.docs.filter((snap) => snap.id !== own);
    for (const snap of survivors) {
      expect((snap.data() as SessionDoc).sessionAt).toBeGreaterThanOrEqual(validAfter);
    }
    expect(live.docs.map((snap) => snap.id)).toContain(own);
  });
});
