import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections, lockoutPolicy, totpPolicy } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  type TestUser,
} from "../support/clients.js";

const STEP_MS = totpPolicy.periodSeconds * 1000;

/** The user's phone: an authenticator app holding the secret enrolment showed. */
function authenticatorApp(base32: string) {
  const totp = new TOTP({ secret: Secret.fromBase32(base32) });
  return {
    codeAt: (offsetSteps = 0) => totp.generate({ timestamp: Date.now() + offsetSteps * STEP_MS }),
  };
}

async function enrollApp(user: TestUser) {
  const started = await user.startTotpEnrollment();
  const app = authenticatorApp(started.secret);
  const result = await user.verify({ purpose: "enroll", method: "totp", code: app.codeAt() });
  await user.upgrade(result);
  return { started, app, result };
}

const status = async (uid: string) =>
  (await adminDb().collection(collections.twoFactor).doc(uid).get()).data();
const activityTypes = async (uid: string) =>
  (
    await adminDb()
      .collection(collections.twoFactor)
      .doc(uid)
      .collection(collections.activity)
      .get()
  ).docs.map((doc) => doc.get("type") as string);
const secretDoc = async (uid: string) =>
  (await adminDb().collection(collections.totpSecrets).doc(uid).get()).data();

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
});
afterEach(() => user.dispose());

describe("adding an authenticator app", () => {
  it("shows a secret and QR URI, keeps it sealed, and enables nothing before a first code", async () => {
    const started = await user.startTotpEnrollment();
    expect(started.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(started.otpauthUri).toContain(`secret=${started.secret}`);
    expect(started.otpauthUri).toContain(encodeURIComponent(user.email));
    expect(started.expiresAt).toBeGreaterThan(Date.now());

    const stored = JSON.stringify(await secretDoc(user.uid));
    expect(stored).not.toContain(started.secret);
    const hex = Buffer.from(Secret.fromBase32(started.secret).bytes).toString("hex");
    expect(stored).not.toContain(hex);
    expect(stored).not.toContain(Buffer.from(hex, "hex").toString("base64url"));
    expect((await status(user.uid))?.methods?.totp).toBeUndefined();
  });

  it("is confirmed by a first valid code, bringing recovery codes and an upgraded session", async () => {
    const started = await user.startTotpEnrollment();
    const app = authenticatorApp(started.secret);
    const wrong = String((Number(app.codeAt()) + 1) % 1_000_000).padStart(6, "0");
    expect(
      await refusalOf(user.verify({ purpose: "enroll", method: "totp", code: wrong })),
    ).toMatchObject({ code: "functions/permission-denied", details: { reason: "wrong-code" } });
    expect((await status(user.uid))?.methods?.totp).toBeUndefined();

    const result = await user.verify({ purpose: "enroll", method: "totp", code: app.codeAt() });
    expect(result).toMatchObject({ purpose: "enroll", method: "totp", maskedDestination: "" });
    expect(result.recoveryCodes).toHaveLength(10);
    await user.upgrade(result);
    expect(await user.claims()).toMatchObject({ mfa: "totp" });
    expect((await status(user.uid))?.methods?.totp).toMatchObject({ enabled: true });
    const doc = await secretDoc(user.uid);
    expect(doc?.pending).toBeUndefined();
    expect(doc?.active).toBeDefined();
  });

  it("refuses a code for a secret that expired before it was confirmed", async () => {
    const started = await user.startTotpEnrollment();
    await adminDb()
      .collection(collections.totpSecrets)
      .doc(user.uid)
      .update({ "pending.expiresAt": Date.now() - 1 });
    const code = authenticatorApp(started.secret).codeAt();
    expect(await refusalOf(user.verify({ purpose: "enroll", method: "totp", code }))).toMatchObject(
      { details: { reason: "expired" } },
    );
  });

  it("refuses a code when no secret was started, and a second app while one is on", async () => {
    expect(
      await refusalOf(user.verify({ purpose: "enroll", method: "totp", code: "123456" })),
    ).toMatchObject({ details: { reason: "no-active-code" } });
    await enrollApp(user);
    expect(await refusalOf(user.startTotpEnrollment())).toMatchObject({
      code: "functions/already-exists",
      details: { reason: "method-already-enabled" },
    });
  });

  it("needs the second step when 2FA is already on", async () => {
    await enableEmail(user);
    const passwordOnly = await openSession(user.email);
    try {
      expect(await refusalOf(passwordOnly.startTotpEnrollment())).toMatchObject({
        details: { reason: "second-step-required" },
      });
    } finally {
      await passwordOnly.dispose();
    }
  });
});

describe("signing in with the authenticator app", () => {
  let browser: TestUser;
  let app: ReturnType<typeof authenticatorApp>;
  beforeEach(async () => {
    ({ app } = await enrollApp(user));
    browser = await openSession(user.email);
  });
  afterEach(() => browser.dispose());

  it("upgrades a password-only session with the next code, without sending anything", async () => {
    const result = await browser.verify({
      purpose: "sign-in",
      method: "totp",
      code: app.codeAt(1),
    });
    expect(result).toMatchObject({ purpose: "sign-in", method: "totp" });
    await browser.upgrade(result);
    expect(await browser.claims()).toMatchObject({ mfa: "totp" });
  });

  it("never accepts a code twice, nor an older one after a newer was used", async () => {
    // Enrolment used the current step; the same code is now spent.
    expect(
      await refusalOf(browser.verify({ purpose: "sign-in", method: "totp", code: app.codeAt() })),
    ).toMatchObject({
      code: "functions/permission-denied",
      details: { reason: "code-already-used" },
    });
    await browser.verify({ purpose: "sign-in", method: "totp", code: app.codeAt(1) });
    for (const offset of [1, 0, -1]) {
      expect(
        await refusalOf(
          browser.verify({ purpose: "sign-in", method: "totp", code: app.codeAt(offset) }),
        ),
      ).toMatchObject({ details: { reason: "code-already-used" } });
    }
  });

  it("refuses a code two steps away", async () => {
    const twoAhead = app.codeAt(2);
    const window = [-1, 0, 1].map((offset) => app.codeAt(offset));
    if (window.includes(twoAhead)) return; // a one-in-a-million coincidence
    expect(
      await refusalOf(browser.verify({ purpose: "sign-in", method: "totp", code: twoAhead })),
    ).toMatchObject({ details: { reason: "wrong-code" } });
  });

  it("lets exactly one of 20 parallel submissions of the same code through", async () => {
    const code = app.codeAt(1);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () =>
        browser.verify({ purpose: "sign-in", method: "totp", code }),
      ),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    for (const o of outcomes) {
      if (o.status === "rejected") {
        const { code, details } = o.reason as { code: string; details: unknown };
        expect({ code, details }).toEqual({
          code: "functions/permission-denied",
          details: { reason: "code-already-used" },
        });
      }
    }
  });

  it("counts wrong app codes towards the same lockout as sent codes", async () => {
    const wrong = String((Number(app.codeAt(1)) + 500_000) % 1_000_000).padStart(6, "0");
    for (let i = 1; i < lockoutPolicy.softThreshold; i += 1) {
      expect(
        await refusalOf(browser.verify({ purpose: "sign-in", method: "totp", code: wrong })),
      ).toMatchObject({ details: { reason: "wrong-code" } });
    }
    await refusalOf(browser.verify({ purpose: "sign-in", method: "totp", code: wrong }));
    expect(
      await refusalOf(browser.verify({ purpose: "sign-in", method: "totp", code: app.codeAt(1) })),
    ).toMatchObject({ details: { reason: "locked" } });
  });

  it("is turned off with a fresh verification, forgetting the secret", async () => {
    const verified = await browser.verify({
      purpose: "sign-in",
      method: "totp",
      code: app.codeAt(1),
    });
    await browser.upgrade(verified);
    const off = await browser.disableMethod({ method: "totp" });
    await browser.upgrade(off);
    expect(await secretDoc(user.uid)).toBeUndefined();
    expect(await status(user.uid)).toMatchObject({ required: false, methods: {} });
    expect(await activityTypes(user.uid)).toContain("method-disabled");
  });
});
