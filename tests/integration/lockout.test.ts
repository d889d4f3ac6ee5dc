import { Timestamp } from "firebase-admin/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections, lockoutPolicy, verificationPolicy } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  sendAndReadCode,
  stepUpByEmail,
  wrongCode,
  type TestUser,
} from "../support/clients.js";
import { SoftwareAuthenticator } from "../support/webauthn.js";

let owner: TestUser;
let browser: TestUser;
let recoveryCodes: string[];
beforeEach(async () => {
  owner = await newUser();
  recoveryCodes = (await enableEmail(owner)).recoveryCodes ?? [];
  browser = await openSession(owner.email);
});
afterEach(async () => {
  await Promise.all([owner.dispose(), browser.dispose()]);
});

const signInCode = () =>
  sendAndReadCode(browser, { purpose: "sign-in", method: "email" }, owner.email);
const guard = async () =>
  (await adminDb().collection(collections.verificationGuards).doc(owner.uid).get()).data();

/** Lets the used-up challenge expire, as 10 minutes would. */
async function expireChallenge() {
  const ref = adminDb().collection(collections.verifications).doc(`${owner.uid}_sign-in_email`);
  const past = Timestamp.fromMillis(Date.now() - 1000);
  await ref.update({ expiresAt: past, sentAt: past });
}

describe("consecutive failures", () => {
  it("lock verification for 15 minutes at exactly the 10th wrong code", async () => {
    let code = (await signInCode()).code;
    for (let failure = 1; failure <= lockoutPolicy.softThreshold; failure += 1) {
      if (failure === verificationPolicy.maxFailedAttempts + 1) {
        await expireChallenge();
        code = (await signInCode()).code;
      }
      const refused = await refusalOf(
        browser.verify({ purpose: "sign-in", method: "email", code: wrongCode(code) }),
      );
      expect(refused.details.reason, `failure ${failure}`).toBe("wrong-code");
      expect((await guard())?.consecutiveFailures).toBe(failure);
      // Every wrong code warns how many more the lock allows, and the one that locks
      // says until when.
      expect(refused.details.triesBeforeLock, `failure ${failure}`).toBe(
        lockoutPolicy.softThreshold - failure,
      );
      if (failure === lockoutPolicy.softThreshold) {
        expect(refused.details.lockedUntil).toBe((await guard())?.lockedUntil);
      } else {
        expect(refused.details.lockedUntil).toBeUndefined();
      }
    }
    const locked = await refusalOf(browser.verify({ purpose: "sign-in", method: "email", code }));
    expect(locked).toMatchObject({
      code: "functions/resource-exhausted",
      details: { reason: "locked" },
    });
    const wait = (locked.details.retryAt ?? 0) - Date.now();
    expect(wait).toBeGreaterThan(lockoutPolicy.firstLockMs - 30_000);
    expect(wait).toBeLessThanOrEqual(lockoutPolicy.firstLockMs);
    // Sending is refused too while locked, and the owner was told.
    expect(
      (await refusalOf(browser.send({ purpose: "sign-in", method: "email" }))).details.reason,
    ).toBe("locked");
    const mail = await adminDb().collection(collections.mail).where("to", "==", owner.email).get();
    expect(
      mail.docs.some((d) => String(d.get("message.subject")).includes("Verification locked")),
    ).toBe(true);
  });

  it("lock until a recovery code at the 100th, which then unlocks everything", async () => {
    const { code } = await signInCode();
    // 99 earlier failures, their waits served: the history, written directly.
    await adminDb()
      .collection(collections.verificationGuards)
      .doc(owner.uid)
      .set({
        consecutiveFailures: lockoutPolicy.hardThreshold - 1,
        lockedUntil: 0,
        recoveryFailures: 0,
        recoveryLockedUntil: 0,
      });
    const hundredth = await refusalOf(
      browser.verify({ purpose: "sign-in", method: "email", code: wrongCode(code) }),
    );
    // No time to wait for: only a recovery code lifts this lock.
    expect(hundredth.details).toMatchObject({ reason: "wrong-code", triesBeforeLock: 0 });
    expect(hundredth.details.lockedUntil).toBeUndefined();
    expect(
      await refusalOf(browser.verify({ purpose: "sign-in", method: "email", code })),
    ).toMatchObject({
      code: "functions/failed-precondition",
      details: { reason: "locked-until-recovery" },
    });

    const recovered = await browser.useRecoveryCode({ purpose: "sign-in", code: recoveryCodes[0] });
    expect(recovered.customToken).toBeTruthy();
    expect(await guard()).toMatchObject({ consecutiveFailures: 0, lockedUntil: 0 });
    // The code sent before the lock works again.
    await expect(
      browser.verify({ purpose: "sign-in", method: "email", code }),
    ).resolves.toMatchObject({ method: "email" });
  });

  it("are reset by a correct code", async () => {
    const { code } = await signInCode();
    await refusalOf(browser.verify({ purpose: "sign-in", method: "email", code: wrongCode(code) }));
    await browser.verify({ purpose: "sign-in", method: "email", code });
    expect((await guard())?.consecutiveFailures).toBe(0);
  });

  it("never stop a passkey, and forged passkey answers add nothing to them", async () => {
    const key = new SoftwareAuthenticator();
    await stepUpByEmail(owner);
    const { options } = await owner.startPasskeyRegistration();
    await owner.finishPasskeyRegistration({ name: "Key", response: key.register(options) });
    // Locked by wrong codes, as ten of them would.
    await adminDb()
      .collection(collections.verificationGuards)
      .doc(owner.uid)
      .set({
        consecutiveFailures: lockoutPolicy.softThreshold,
        lockedUntil: Date.now() + lockoutPolicy.firstLockMs,
      });
    expect(
      (await refusalOf(browser.verify({ purpose: "sign-in", method: "email", code: "123456" })))
        .details.reason,
    ).toBe("locked");

    const forged = await browser.startPasskeyVerification({ purpose: "sign-in" });
    expect(
      (
        await refusalOf(
          browser.finishPasskeyVerification({
            purpose: "sign-in",
            response: new SoftwareAuthenticator().authenticate(forged.options),
          }),
        )
      ).details.reason,
    ).toBe("passkey-failed");
    expect((await guard())?.consecutiveFailures).toBe(lockoutPolicy.softThreshold);

    const real = await browser.startPasskeyVerification({ purpose: "sign-in" });
    const signedIn = await browser.finishPasskeyVerification({
      purpose: "sign-in",
      response: key.authenticate(real.options),
    });
    expect(signedIn).toMatchObject({ method: "passkey", customToken: expect.any(String) });
  });
});
