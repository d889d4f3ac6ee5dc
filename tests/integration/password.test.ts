import { collection, getDocs } from "firebase/firestore";
import { Timestamp } from "firebase-admin/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections, sendLimits } from "@dash2fa/shared";
import {
  PASSWORD,
  adminDb,
  anonymousCaller,
  enableEmail,
  newUser,
  openSession,
  passSecondStepByEmail,
  readSession,
  refusalOf,
  stepUpByEmail,
  waitFor,
  type TestUser,
} from "../support/clients.js";

const NEW_PASSWORD = "a much better passphrase";

let user: TestUser;
const extra: { dispose: () => Promise<void> }[] = [];
beforeEach(async () => {
  user = await newUser();
});
afterEach(async () => {
  await Promise.all([user, ...extra.splice(0)].map((s) => s.dispose()));
});

/** An ID token from signing in with `password` just now, as the web app's throwaway client does. */
async function proofOf(email: string, password = PASSWORD): Promise<string> {
  const session = await openSession(email, password);
  extra.push(session);
  return (await session.auth.currentUser?.getIdToken()) ?? "";
}

async function mailsTo(address: string) {
  return (await adminDb().collection(collections.mail).where("to", "==", address).get()).docs;
}

/** The token in the newest reset link delivered to `address` (the development outbox). */
async function resetTokenFor(address: string, after: number): Promise<string> {
  const text = await waitFor(async () => {
    const copies = await adminDb().collection("devOutbox").where("to", "==", address).get();
    return copies.docs
      .map((d) => d.data() as { text: string; createdAt: number })
      .filter((m) => m.createdAt >= after && m.text.includes("/reset-password?token="))
      .sort((a, b) => b.createdAt - a.createdAt)[0]?.text;
  }, `a reset link for ${address}`);
  const token = /reset-password\?token=([A-Za-z0-9_-]{43})/.exec(text)?.[1];
  if (!token) throw new Error("no token in the reset email");
  return token;
}

const canSignIn = async (email: string, password: string) => {
  const session = await openSession(email, password).catch(() => undefined);
  if (session) extra.push(session);
  return session !== undefined;
};

describe("changing the password", () => {
  it("needs a fresh proof of the current password, of this user", async () => {
    const other = await newUser();
    extra.push(other);
    for (const passwordProof of ["not-a-token", await proofOf(other.email)]) {
      expect(
        (await refusalOf(user.changePassword({ passwordProof, newPassword: NEW_PASSWORD }))).details
          .reason,
      ).toBe("wrong-password");
    }
    expect(await canSignIn(user.email, PASSWORD)).toBe(true);
  });

  it("changes it for an account without 2FA, with a notice", async () => {
    const result = await user.changePassword({
      passwordProof: await proofOf(user.email),
      newPassword: NEW_PASSWORD,
    });
    await user.upgrade(result);
    expect(await canSignIn(user.email, PASSWORD)).toBe(false);
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true);
    const subjects = (await mailsTo(user.email)).map((d) => String(d.get("message.subject")));
    expect(subjects.some((s) => s.includes("Your password was changed"))).toBe(true);
  });

  it("needs a step-up with 2FA on, then ends other sessions and forgets devices", async () => {
    await enableEmail(user);
    const passwordProof = await proofOf(user.email);
    expect(
      (await refusalOf(user.changePassword({ passwordProof, newPassword: NEW_PASSWORD }))).details
        .reason,
    ).toBe("step-up-required");

    // Another browser past the second step, remembering itself.
    const other = await openSession(user.email);
    extra.push(other);
    await passSecondStepByEmail(other, user.email, true);
    const devices = () =>
      adminDb()
        .collection(collections.twoFactor)
        .doc(user.uid)
        .collection(collections.devices)
        .get();
    expect((await devices()).size).toBe(1);

    await stepUpByEmail(user);
    await user.upgrade(
      await user.changePassword({
        passwordProof: await proofOf(user.email),
        newPassword: NEW_PASSWORD,
      }),
    );
    expect((await devices()).size).toBe(0);
    const protectedData = (s: TestUser) =>
      getDocs(collection(s.firestore, collections.twoFactor, user.uid, collections.activity));
    await expect(protectedData(other)).rejects.toMatchObject({ code: "permission-denied" });
    await expect(protectedData(user)).resolves.toBeDefined();
    // The next sign-in, with the new password, is password-only: the second step is asked.
    const next = await openSession(user.email, NEW_PASSWORD);
    extra.push(next);
    await expect(protectedData(next)).rejects.toMatchObject({ code: "permission-denied" });
  });
});

describe("resetting the password by an emailed link", () => {
  it("answers the same whether or not the address has an account", async () => {
    const caller = anonymousCaller();
    extra.push(caller);
    const nobody = `nobody-${Date.now()}@example.com`;
    const before = Date.now();
    expect(await caller.requestPasswordReset({ email: user.email })).toEqual({ accepted: true });
    expect(await caller.requestPasswordReset({ email: nobody })).toEqual({ accepted: true });
    await resetTokenFor(user.email, before);
    expect(await mailsTo(nobody)).toHaveLength(0);
  });

  it("works once, and a reset by email bars email from the next second step", async () => {
    const { recoveryCodes = [] } = await enableEmail(user);
    const caller = anonymousCaller();
    extra.push(caller);
    const before = Date.now();
    await caller.requestPasswordReset({ email: user.email });
    const token = await resetTokenFor(user.email, before);

    expect(await caller.completePasswordReset({ token, newPassword: NEW_PASSWORD })).toEqual({
      emailBarred: true,
    });
    expect(
      (await refusalOf(caller.completePasswordReset({ token, newPassword: "another one!" })))
        .details.reason,
    ).toBe("reset-link-invalid");
    expect(await canSignIn(user.email, NEW_PASSWORD)).toBe(true);

    const browser = await openSession(user.email, NEW_PASSWORD);
    extra.push(browser);
    expect(
      (await refusalOf(browser.send({ purpose: "sign-in", method: "email" }))).details.reason,
    ).toBe("email-not-after-reset");
    await browser.upgrade(
      await browser.useRecoveryCode({ purpose: "sign-in", code: recoveryCodes[0] ?? "" }),
    );
    // Another method was the second step: email is allowed again from now on.
    const later = await openSession(user.email, NEW_PASSWORD);
    extra.push(later);
    await expect(later.send({ purpose: "sign-in", method: "email" })).resolves.toMatchObject({
      method: "email",
    });
  });

  /** Resets the user's password through the emailed link, as someone with the mailbox. */
  async function resetByLink() {
    const caller = anonymousCaller();
    extra.push(caller);
    const before = Date.now();
    await caller.requestPasswordReset({ email: user.email });
    const token = await resetTokenFor(user.email, before);
    await caller.completePasswordReset({ token, newPassword: NEW_PASSWORD });
  }

  const recordOf = async (session: TestUser) =>
    readSession(user.uid, (await session.claims()).sid ?? "none");
  const endedReasonOf = async (session: TestUser) => (await recordOf(session))?.endedReason;

  it("marks every session of a 2FA account ended", async () => {
    await enableEmail(user);
    const other = await openSession(user.email);
    extra.push(other);
    await passSecondStepByEmail(other, user.email);
    await resetByLink();
    expect(await endedReasonOf(user)).toBe("account-changed");
    expect(await endedReasonOf(other)).toBe("account-changed");
  });

  it("marks ended the session kept after 2FA was turned off", async () => {
    await enableEmail(user);
    await stepUpByEmail(user);
    await user.upgrade(await user.disableMethod({ method: "email" }));
    expect((await recordOf(user))?.endedAt).toBeNull();
    await resetByLink();
    expect(await endedReasonOf(user)).toBe("account-changed");
  });

  it("refuses an expired link, and sends at most a few links an hour per address", async () => {
    const caller = anonymousCaller();
    extra.push(caller);
    const before = Date.now();
    await caller.requestPasswordReset({ email: user.email });
    const token = await resetTokenFor(user.email, before);
    const pending = await adminDb().collection(collections.passwordResets).get();
    await Promise.all(
      pending.docs.map((d) => d.ref.update({ expiresAt: Timestamp.fromMillis(Date.now() - 1) })),
    );
    expect(
      (await refusalOf(caller.completePasswordReset({ token, newPassword: NEW_PASSWORD }))).details
        .reason,
    ).toBe("reset-link-invalid");

    for (let i = 1; i < sendLimits.passwordResetsPerAddress.max + 2; i += 1) {
      expect(await caller.requestPasswordReset({ email: user.email.toUpperCase() })).toEqual({
        accepted: true,
      });
    }
    const links = (await mailsTo(user.email)).filter((d) =>
      String(d.get("message.text")).includes("/reset-password?token="),
    );
    expect(links).toHaveLength(sendLimits.passwordResetsPerAddress.max);
    expect(await canSignIn(user.email, PASSWORD)).toBe(true);
  });
});
