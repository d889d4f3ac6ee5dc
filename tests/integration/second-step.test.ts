import { addDoc, collection, getDocs, serverTimestamp } from "firebase/firestore";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import {
  adminAuth,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  sendAndReadCode,
  type TestUser,
} from "../support/clients.js";

const notesOf = (session: TestUser) =>
  collection(session.firestore, collections.users, session.uid, "notes");
const readNotes = (session: TestUser) => getDocs(notesOf(session));
const addNote = (session: TestUser, text: string) =>
  addDoc(notesOf(session), { text, createdAt: serverTimestamp() });

let user: TestUser;
const extra: TestUser[] = [];
beforeEach(async () => {
  user = await newUser();
});
afterEach(async () => {
  await Promise.all([user, ...extra.splice(0)].map((s) => s.dispose()));
});

describe("enabling a method upgrades this session and ends the others", () => {
  it("gives this browser the second-step claims and locks out an older browser", async () => {
    const older = await openSession(user.email);
    extra.push(older);
    await addNote(older, "before 2FA");
    expect((await readNotes(older)).size).toBe(1);
    const olderToken = await older.auth.currentUser?.getIdToken();
    // Revocation has one-second resolution: let the older sign-in fall before it.
    await new Promise((resolve) => setTimeout(resolve, 1100));

    await enableEmail(user);
    const claims = await user.claims();
    // Valid for the new settings, but enrolling is not a verification: no recent one.
    expect(claims).toMatchObject({ mfa: "email", mfaAt: 0 });
    expect(Math.abs((claims.sessionAt ?? 0) - Date.now() / 1000)).toBeLessThan(30);
    expect((await readNotes(user)).size).toBe(1);

    // The other browser's ID token is still unexpired, yet the rules refuse it…
    await expect(readNotes(older)).rejects.toMatchObject({ code: "permission-denied" });
    await expect(addNote(older, "sneaky")).rejects.toMatchObject({ code: "permission-denied" });
    // …and its tokens were revoked, which every revocation-checking server sees. (The
    // Auth emulator itself does not refuse a revoked refresh token; production does.)
    await expect(adminAuth().verifyIdToken(olderToken ?? "", true)).rejects.toMatchObject({
      code: "auth/id-token-revoked",
    });
  });

  it("keeps the claims when the ID token is refreshed", async () => {
    await enableEmail(user);
    const first = await user.claims();
    await user.auth.currentUser?.getIdToken(true);
    expect(await user.claims()).toMatchObject({ mfa: first.mfa, sessionAt: first.sessionAt });
  });
});

describe("signing in with 2FA", () => {
  it("reaches no protected data with the password alone, and all of it after the code", async () => {
    await enableEmail(user);
    await addNote(user, "secret plans");
    const browser = await openSession(user.email);
    extra.push(browser);

    await expect(readNotes(browser)).rejects.toMatchObject({ code: "permission-denied" });
    await expect(addNote(browser, "x")).rejects.toMatchObject({ code: "permission-denied" });

    const { code, result } = await sendAndReadCode(
      browser,
      { purpose: "sign-in", method: "email" },
      user.email,
    );
    expect(result.maskedDestination).toBe("u•••@example.com");
    const verified = await browser.verify({ purpose: "sign-in", method: "email", code });
    await browser.upgrade(verified);
    expect((await readNotes(browser)).docs.map((d) => d.get("text"))).toEqual(["secret plans"]);
  });

  it("sends sign-in codes only to the destination on file, for enabled methods", async () => {
    await enableEmail(user);
    expect(
      (await refusalOf(user.send({ purpose: "sign-in", method: "phone" }))).details.reason,
    ).toBe("method-not-enabled");
    const redirected = await refusalOf(
      user.send({ purpose: "sign-in", method: "email", destination: "attacker@example.com" }),
    );
    expect(redirected.code).toBe("functions/invalid-argument");
  });

  it("does not accept a sign-in code for another purpose", async () => {
    await enableEmail(user);
    const browser = await openSession(user.email);
    extra.push(browser);
    const { code } = await sendAndReadCode(
      browser,
      { purpose: "sign-in", method: "email" },
      user.email,
    );
    expect(
      (await refusalOf(browser.verify({ purpose: "step-up", method: "email", code }))).details
        .reason,
    ).toBe("no-active-code");
  });

  it("lets a user without 2FA use the dashboard after the password", async () => {
    await addNote(user, "hello");
    expect((await readNotes(user)).size).toBe(1);
  });
});
