import { doc, getDoc, updateDoc } from "firebase/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { STEP_UP_WINDOW_MS, collections, type TwoFactorStatusDoc } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  sendAndReadCode,
  sessionVerifiedAt,
  stepUpByEmail,
  type TestUser,
} from "../support/clients.js";

const uniqueMobile = () => `+995555${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

async function statusOf(uid: string): Promise<TwoFactorStatusDoc> {
  const snapshot = await adminDb().collection(collections.twoFactor).doc(uid).get();
  return snapshot.data() as TwoFactorStatusDoc;
}

/** Email first, then (after a step-up) a phone number: two methods on. */
async function enableEmailAndPhone(user: TestUser): Promise<string> {
  await enableEmail(user);
  await stepUpByEmail(user);
  const phone = uniqueMobile();
  const { code } = await sendAndReadCode(
    user,
    { purpose: "enroll", method: "phone", destination: phone },
    phone,
  );
  await user.upgrade(await user.verify({ purpose: "enroll", method: "phone", code }));
  return phone;
}

/** A second browser of `owner` that passes the second step with a code to `method`. */
async function signInWith(owner: TestUser, method: "email" | "phone", to: string) {
  const browser = await openSession(owner.email);
  const { code } = await sendAndReadCode(browser, { purpose: "sign-in", method }, to);
  await browser.upgrade(await browser.verify({ purpose: "sign-in", method, code }));
  return browser;
}

let user: TestUser;
let phone: string;
const extra: TestUser[] = [];
beforeEach(async () => {
  user = await newUser();
  phone = await enableEmailAndPhone(user);
});
afterEach(async () => {
  await Promise.all([user, ...extra.splice(0)].map((session) => session.dispose()));
});

describe("choosing the method sign-in asks for first", () => {
  it("stores an enabled method in the status its owner reads, and nowhere else", async () => {
    const before = await statusOf(user.uid);
    expect(before.preferredMethod).toBeUndefined();
    expect(await user.setPreferredMethod({ method: "email" })).toEqual({
      preferredMethod: "email",
    });
    const after = await statusOf(user.uid);
    expect(after).toEqual({ ...before, preferredMethod: "email" });
    const read = await getDoc(doc(user.firestore, collections.twoFactor, user.uid));
    expect(read.get("preferredMethod")).toBe("email");

    await user.setPreferredMethod({ method: "phone" });
    expect((await statusOf(user.uid)).preferredMethod).toBe("phone");
  });

  it("cannot be written by the browser itself: only the callable sets it", async () => {
    await expect(
      updateDoc(doc(user.firestore, collections.twoFactor, user.uid), { preferredMethod: "totp" }),
    ).rejects.toMatchObject({ code: "permission-denied" });
    expect((await statusOf(user.uid)).preferredMethod).toBeUndefined();
  });

  it.each(["totp", "passkey"] as const)(
    "refuses %s, a method this account has not enabled",
    async (method) => {
      const before = await statusOf(user.uid);
      expect(await refusalOf(user.setPreferredMethod({ method }))).toMatchObject({
        code: "functions/failed-precondition",
        details: { reason: "method-not-enabled" },
      });
      expect(await statusOf(user.uid)).toEqual(before);
    },
  );

  it.each([
    ["no method", {}],
    ["an unknown method", { method: "sms" }],
    ["a method that is not a string", { method: 1 }],
    ["a null method", { method: null }],
    ["a field beyond the method", { method: "email", uid: "someone-else" }],
  ])("refuses %s as invalid input, writing nothing", async (_name, input) => {
    const before = await statusOf(user.uid);
    expect(await refusalOf(user.setPreferredMethod(input))).toMatchObject({
      code: "functions/invalid-argument",
      details: { reason: "invalid-input" },
    });
    expect(await statusOf(user.uid)).toEqual(before);
  });

  it("refuses a session that has the password but not the second step", async () => {
    const passwordOnly = await openSession(user.email);
    extra.push(passwordOnly);
    expect(await refusalOf(passwordOnly.setPreferredMethod({ method: "email" }))).toMatchObject({
      code: "functions/permission-denied",
      details: { reason: "second-step-required" },
    });
    expect((await statusOf(user.uid)).preferredMethod).toBeUndefined();
  });

  it("reaches only the caller's own account: another user cannot set the victim's", async () => {
    const attacker = await newUser();
    extra.push(attacker);
    // The attacker's account has no method on, so its own preference is refused…
    expect(await refusalOf(attacker.setPreferredMethod({ method: "email" }))).toMatchObject({
      details: { reason: "method-not-enabled" },
    });
    // …and naming the victim is not part of the input at all.
    expect(
      await refusalOf(attacker.setPreferredMethod({ method: "email", uid: user.uid })),
    ).toMatchObject({ details: { reason: "invalid-input" } });
    // With 2FA of its own, the attacker changes only its own status.
    await enableEmail(attacker);
    await attacker.setPreferredMethod({ method: "email" });
    expect((await statusOf(attacker.uid)).preferredMethod).toBe("email");
    expect((await statusOf(user.uid)).preferredMethod).toBeUndefined();
  });

  it("needs no fresh verification: it only orders methods the account already accepts", async () => {
    await sessionVerifiedAt(user, "email", Math.floor((Date.now() - STEP_UP_WINDOW_MS * 2) / 1000));
    await user.setPreferredMethod({ method: "email" });
    expect((await statusOf(user.uid)).preferredMethod).toBe("email");
  });

  it("refuses a session that was signed out", async () => {
    const browser = await signInWith(user, "email", user.email);
    extra.push(browser);
    await browser.signOutSession({ sessionId: (await browser.claims()).sid });
    expect(await refusalOf(browser.setPreferredMethod({ method: "email" }))).toMatchObject({
      code: "functions/unauthenticated",
      details: { reason: "session-ended" },
    });
    expect((await statusOf(user.uid)).preferredMethod).toBeUndefined();
  });
});

describe("the method used last", () => {
  it("is recorded by each sign-in's second step, and leaves the choice alone", async () => {
    expect((await statusOf(user.uid)).lastUsedMethod).toBe("phone");
    await user.setPreferredMethod({ method: "phone" });

    extra.push(await signInWith(user, "email", user.email));
    expect(await statusOf(user.uid)).toMatchObject({
      lastUsedMethod: "email",
      preferredMethod: "phone",
    });

    extra.push(await signInWith(user, "phone", phone));
    expect(await statusOf(user.uid)).toMatchObject({
      lastUsedMethod: "phone",
      preferredMethod: "phone",
    });
  });
});

describe("turning a method off", () => {
  it("clears the choice and the last use that named it", async () => {
    await user.setPreferredMethod({ method: "phone" });
    await stepUpByEmail(user);
    await user.upgrade(await user.disableMethod({ method: "phone" }));
    const status = await statusOf(user.uid);
    expect(status.preferredMethod).toBeUndefined();
    expect(status.lastUsedMethod).toBeUndefined();
    expect(status.methods.email?.enabled).toBe(true);
  });

  it("keeps a choice that names another method", async () => {
    await user.setPreferredMethod({ method: "email" });
    await stepUpByEmail(user);
    await user.upgrade(await user.disableMethod({ method: "phone" }));
    expect((await statusOf(user.uid)).preferredMethod).toBe("email");
  });

  it("clears the choice with the last method, and a new first method starts without one", async () => {
    await user.setPreferredMethod({ method: "email" });
    await stepUpByEmail(user);
    await user.upgrade(await user.disableMethod({ method: "phone" }));
    await stepUpByEmail(user);
    await user.upgrade(await user.disableMethod({ method: "email" }));
    const status = await statusOf(user.uid);
    expect(status.required).toBe(false);
    expect(status.preferredMethod).toBeUndefined();
    expect(status.lastUsedMethod).toBeUndefined();
  });
});
