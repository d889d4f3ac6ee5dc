import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  STEP_UP_WINDOW_MS,
  collections,
  type FinishPasskeyRegistrationResult,
} from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  sessionVerifiedAt,
  type TestUser,
} from "../support/clients.js";
import { SoftwareAuthenticator } from "../support/webauthn.js";

async function register(user: TestUser, key: SoftwareAuthenticator, name = "Blue key") {
  const { options } = await user.startPasskeyRegistration();
  const result = await user.finishPasskeyRegistration({ name, response: key.register(options) });
  await user.upgrade(result);
  return result;
}

async function verifyWith(
  browser: TestUser,
  key: SoftwareAuthenticator,
  purpose: "sign-in" | "step-up" = "sign-in",
) {
  const { options } = await browser.startPasskeyVerification({ purpose });
  return browser.finishPasskeyVerification({ purpose, response: key.authenticate(options) });
}

/** A fresh verification with a key already on the account, as step-up asks. */
async function stepUpWith(user: TestUser, key: SoftwareAuthenticator) {
  await user.upgrade(await verifyWith(user, key, "step-up"));
}

const status = async (uid: string) =>
  (await adminDb().collection(collections.twoFactor).doc(uid).get()).data();
const keyDocs = async (uid: string) =>
  (
    await adminDb()
      .collection(collections.twoFactor)
      .doc(uid)
      .collection(collections.passkeys)
      .get()
  ).docs;
const activityTypes = async (uid: string) =>
  (
    await adminDb()
      .collection(collections.twoFactor)
      .doc(uid)
      .collection(collections.activity)
      .get()
  ).docs.map((doc) => doc.get("type") as string);

let user: TestUser;
let key: SoftwareAuthenticator;
beforeEach(async () => {
  user = await newUser();
  key = new SoftwareAuthenticator();
});
afterEach(() => user.dispose());

describe("registering a passkey", () => {
  it("asks for a key bound to the web app's host, and saves it under its name", async () => {
    const { options, expiresAt } = await user.startPasskeyRegistration();
    expect(options).toMatchObject({ rp: { id: "localhost" }, attestation: "none" });
    expect(expiresAt).toBeGreaterThan(Date.now());
    const result = await user.finishPasskeyRegistration({
      name: "  Blue key  ",
      response: key.register(options),
    });
    expect(result).toMatchObject({ method: "passkey", name: "Blue key" });
    expect(result.recoveryCodes).toHaveLength(10);
    await user.upgrade(result);
    expect(await user.claims()).toMatchObject({ mfa: "passkey" });
    expect(await status(user.uid)).toMatchObject({
      required: true,
      methods: { passkey: { enabled: true, keys: 1, maskedDestination: "" } },
    });
    const [doc] = await keyDocs(user.uid);
    expect(doc?.id).toBe(result.passkeyId);
    expect(doc?.data()).toMatchObject({ name: "Blue key", credentialId: key.id, counter: 0 });
  });

  it.each([
    ["another site's origin", { origin: "https://evil.example" }],
    ["another relying party", { rpId: "evil.example" }],
    ["another challenge", { challenge: "c29tZXRoaW5nIGVsc2U" }],
  ])("refuses an answer made for %s", async (_name, overrides) => {
    const { options } = await user.startPasskeyRegistration();
    expect(
      await refusalOf(
        user.finishPasskeyRegistration({ name: "Key", response: key.register(options, overrides) }),
      ),
    ).toMatchObject({ code: "functions/permission-denied", details: { reason: "passkey-failed" } });
    expect(await keyDocs(user.uid)).toHaveLength(0);
    expect((await status(user.uid))?.methods?.passkey).toBeUndefined();
  });

  it("refuses an answer with no registration started, and the same key twice", async () => {
    expect(
      await refusalOf(
        user.finishPasskeyRegistration({ name: "Key", response: key.register({ challenge: "x" }) }),
      ),
    ).toMatchObject({ details: { reason: "no-active-code" } });
    await register(user, key);
    await stepUpWith(user, key);
    const { options } = await user.startPasskeyRegistration();
    expect((options.excludeCredentials as { id: string }[]).map((c) => c.id)).toEqual([key.id]);
    expect(
      await refusalOf(
        user.finishPasskeyRegistration({ name: "Again", response: key.register(options) }),
      ),
    ).toMatchObject({ details: { reason: "method-already-enabled" } });
  });

  it("adds a second key beside the first, with a notice and an activity entry", async () => {
    await register(user, key);
    await stepUpWith(user, key);
    const second = await register(user, new SoftwareAuthenticator(), "Phone");
    expect(second.recoveryCodes).toBeUndefined();
    expect((await status(user.uid))?.methods?.passkey).toMatchObject({ keys: 2 });
    expect(await activityTypes(user.uid)).toEqual(
      expect.arrayContaining(["method-enabled", "passkey-added"]),
    );
  });

  it("needs the second step when 2FA is already on", async () => {
    await enableEmail(user);
    const passwordOnly = await openSession(user.email);
    try {
      expect(await refusalOf(passwordOnly.startPasskeyRegistration())).toMatchObject({
        details: { reason: "second-step-required" },
      });
    } finally {
      await passwordOnly.dispose();
    }
  });
});

describe("verifying with a passkey", () => {
  let browser: TestUser;
  let registered: FinishPasskeyRegistrationResult;
  beforeEach(async () => {
    registered = await register(user, key);
    browser = await openSession(user.email);
  });
  afterEach(() => browser.dispose());

  it("upgrades a password-only session and records the key's use", async () => {
    const { options } = await browser.startPasskeyVerification({ purpose: "sign-in" });
    expect((options.allowCredentials as { id: string }[]).map((c) => c.id)).toEqual([key.id]);
    const result = await browser.finishPasskeyVerification({
      purpose: "sign-in",
      response: key.authenticate(options),
      rememberDevice: true,
    });
    expect(result).toMatchObject({ purpose: "sign-in", method: "passkey", name: "Blue key" });
    expect(result.rememberedDevice?.deviceId).toBeTruthy();
    await browser.upgrade(result);
    expect(await browser.claims()).toMatchObject({ mfa: "passkey" });
    const [doc] = await keyDocs(user.uid);
    expect(doc?.data()).toMatchObject({ counter: 1 });
    expect(doc?.get("lastUsedAt")).toBeGreaterThan(0);
    expect(registered.passkeyId).toBe(doc?.id);
  });

  it("uses a challenge once: a replayed answer is refused", async () => {
    const { options } = await browser.startPasskeyVerification({ purpose: "sign-in" });
    const answer = key.authenticate(options);
    await browser.finishPasskeyVerification({ purpose: "sign-in", response: answer });
    expect(
      await refusalOf(browser.finishPasskeyVerification({ purpose: "sign-in", response: answer })),
    ).toMatchObject({ details: { reason: "no-active-code" } });
    // Against a fresh challenge, the old signature is a failure: logged, but not added
    // to the code lockout, which a passkey (unguessable) neither earns nor obeys.
    await browser.startPasskeyVerification({ purpose: "sign-in" });
    expect(
      await refusalOf(browser.finishPasskeyVerification({ purpose: "sign-in", response: answer })),
    ).toMatchObject({ details: { reason: "passkey-failed" } });
    const guard = await adminDb().collection(collections.verificationGuards).doc(user.uid).get();
    expect(guard.get("consecutiveFailures") ?? 0).toBe(0);
    expect(await activityTypes(user.uid)).toContain("verification-failed");
  });

  it("refuses another user's key, a cloned key's old counter, and a foreign origin", async () => {
    const stranger = new SoftwareAuthenticator();
    const other = await newUser();
    try {
      await register(other, stranger);
      // The real key signs once (counter 1); a clone replaying counter 1 is then refused.
      await verifyWith(user, key, "step-up");
      for (const answer of [
        (options: Record<string, unknown>) => stranger.authenticate(options),
        (options: Record<string, unknown>) => key.authenticate(options, { counter: 1 }),
        (options: Record<string, unknown>) =>
          key.authenticate(options, { origin: "https://evil.example" }),
      ]) {
        const { options } = await browser.startPasskeyVerification({ purpose: "sign-in" });
        expect(
          await refusalOf(
            browser.finishPasskeyVerification({ purpose: "sign-in", response: answer(options) }),
          ),
        ).toMatchObject({ details: { reason: "passkey-failed" } });
      }
      expect(await browser.claims()).not.toHaveProperty("mfa");
    } finally {
      await other.dispose();
    }
  });

  it("renames a key after the second step only", async () => {
    const input = { passkeyId: registered.passkeyId, name: "Desk key" };
    expect(await refusalOf(browser.renamePasskey(input))).toMatchObject({
      details: { reason: "second-step-required" },
    });
    expect(await user.renamePasskey(input)).toEqual(input);
    expect((await keyDocs(user.uid))[0]?.get("name")).toBe("Desk key");
    expect(
      await refusalOf(user.renamePasskey({ passkeyId: "A".repeat(43), name: "x" })),
    ).toMatchObject({ code: "functions/invalid-argument" });
  });

  it("removes keys one by one with a fresh verification; the last turns passkeys off", async () => {
    await stepUpWith(user, key);
    const second = await register(user, new SoftwareAuthenticator(), "Spare");
    const eleventhMinute = Math.floor((Date.now() - STEP_UP_WINDOW_MS - 60_000) / 1000);
    await sessionVerifiedAt(user, "passkey", eleventhMinute);
    expect(await refusalOf(user.removePasskey({ passkeyId: second.passkeyId }))).toMatchObject({
      details: { reason: "step-up-required" },
    });
    await user.upgrade(await verifyWith(user, key, "step-up"));
    const afterFirst = await user.removePasskey({ passkeyId: registered.passkeyId });
    expect(afterFirst.remaining).toBe(1);
    await user.upgrade(afterFirst);
    expect((await status(user.uid))?.methods?.passkey).toMatchObject({ enabled: true, keys: 1 });
    const afterLast = await user.removePasskey({ passkeyId: second.passkeyId });
    expect(afterLast.remaining).toBe(0);
    expect(await status(user.uid)).toMatchObject({ required: false, methods: {} });
    expect(await keyDocs(user.uid)).toHaveLength(0);
    expect(await activityTypes(user.uid)).toEqual(
      expect.arrayContaining(["passkey-removed", "method-disabled"]),
    );
  });

  it("turns passkeys off entirely through disableMethod, removing every key", async () => {
    await stepUpWith(user, key);
    await register(user, new SoftwareAuthenticator(), "Spare");
    await enableEmail(user);
    const off = await user.disableMethod({ method: "passkey" });
    await user.upgrade(off);
    expect(await keyDocs(user.uid)).toHaveLength(0);
    expect(await status(user.uid)).toMatchObject({ required: true });
    expect((await status(user.uid))?.methods?.passkey).toBeUndefined();
  });
});
