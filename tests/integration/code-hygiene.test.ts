import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections, verificationPolicy } from "@dash2fa/shared";
import { redactExpiredCodes } from "../../functions/src/hygiene/redact-stale.js";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  sendAndReadCode,
  stepUpByEmail,
  waitFor,
  type TestUser,
} from "../support/clients.js";

let owner: TestUser;
const extra: TestUser[] = [];
beforeEach(async () => {
  owner = await newUser();
  await enableEmail(owner);
});
afterEach(async () => {
  await Promise.all([owner, ...extra.splice(0)].map((s) => s.dispose()));
});

/** Another browser, signed in with the password, holding a sign-in code sent by email. */
async function browserWithPendingCode(to: string) {
  const browser = await openSession(owner.email);
  extra.push(browser);
  const { code } = await sendAndReadCode(browser, { purpose: "sign-in", method: "email" }, to);
  return { browser, code };
}

describe("a pending code dies with the reason it was sent", () => {
  it("when the destination it went to is replaced", async () => {
    const { browser, code } = await browserWithPendingCode(owner.email);
    await stepUpByEmail(owner);
    const moved = `moved-${owner.email}`;
    const enrol = await sendAndReadCode(owner, {
      purpose: "enroll",
      method: "email",
      destination: moved,
    });
    await owner.upgrade(
      await owner.verify({ purpose: "enroll", method: "email", code: enrol.code }),
    );

    expect(
      (await refusalOf(browser.verify({ purpose: "sign-in", method: "email", code }))).details,
    ).toEqual({ reason: "no-active-code" });
  });

  it("when its method is turned off, even while 2FA stays on", async () => {
    await stepUpByEmail(owner);
    const started = await owner.startTotpEnrollment();
    const app = new TOTP({ secret: Secret.fromBase32(started.secret) });
    await owner.upgrade(
      await owner.verify({ purpose: "enroll", method: "totp", code: app.generate() }),
    );
    const { browser, code } = await browserWithPendingCode(owner.email);
    const challenge = adminDb()
      .collection(collections.verifications)
      .doc(`${owner.uid}_sign-in_email`);
    expect((await challenge.get()).exists).toBe(true);

    await owner.upgrade(await owner.disableMethod({ method: "email" }));
    expect((await challenge.get()).exists).toBe(false);
    expect(
      (await refusalOf(browser.verify({ purpose: "sign-in", method: "email", code }))).details
        .reason,
    ).toMatch(/no-active-code|method-not-enabled/);
  });
});

describe("the scheduled clean-up", () => {
  it("marks each code's message with the end of the code's life", async () => {
    const { outboundId, result } = await sendAndReadCode(
      owner,
      {
        purpose: "step-up",
        method: "email",
      },
      owner.email,
    );
    const mail = await adminDb().collection(collections.mail).doc(outboundId).get();
    // Delivered, so already masked by the delivery trigger, which takes the mark along;
    // before that, the mark is the code's expiry.
    const redactBy = mail.get("redactBy") as Timestamp | undefined;
    if (redactBy) expect(redactBy.toMillis()).toBe(result.expiresAt);
    else expect(mail.get("redactedAt")).toBeDefined();
  });

  it("masks a code that outlived its life whatever the delivery state, and nothing else", async () => {
    const messages = adminDb().collection(collections.messages);
    const text = (code: string) => `Your verification code is ${code}. @localhost #${code}`;
    // The development delivery handles every new message; let it finish with both, then
    // put each back in the state a send that died mid-way leaves: still PROCESSING, the
    // code in clear. (An update to a non-final state triggers nothing.)
    const [stuck, fresh] = [messages.doc(), messages.doc()];
    await stuck.set({ to: "+995555123456", body: "x" });
    await fresh.set({ to: "+995555123457", body: "x" });
    for (const ref of [stuck, fresh]) {
      await waitFor(
        async () => ((await ref.get()).get("redactedAt") ? true : undefined),
        "delivery",
      );
    }
    const now = Date.now();
    const dying = (code: string, redactBy: number) => ({
      body: text(code),
      "delivery.state": "PROCESSING",
      redactedAt: FieldValue.delete(),
      redactBy: Timestamp.fromMillis(redactBy),
    });
    await stuck.update(dying("123456", now - 1));
    await fresh.update(dying("654321", now + verificationPolicy.codeLifetimeMs));

    expect(await redactExpiredCodes(now)).toBeGreaterThanOrEqual(1);
    const after = (await stuck.get()).data() ?? {};
    expect(after.body).not.toContain("123456");
    expect(after.redactBy).toBeUndefined();
    expect(after.redactedAt).toBeDefined();
    expect((await fresh.get()).get("body")).toContain("654321");
    // Nothing left to do for the same moment: each document is masked once.
    expect((await messages.where("redactBy", "<=", Timestamp.fromMillis(now)).get()).size).toBe(0);
    await fresh.update({ redactBy: FieldValue.delete(), body: "x" });
  });
});

describe("the delivery trigger", () => {
  it("masks a text's code once its delivery is final, even where the extension left it", async () => {
    // The SMS extension masks codes itself; the product's trigger must not depend on it.
    // A delivered message is put back with its code in clear and no redaction, as an
    // extension configured without masking would leave it.
    const message = adminDb().collection(collections.messages).doc();
    await message.set({ to: "+995555123458", body: "x" });
    const delivered = async () => ((await message.get()).get("redactedAt") ? true : undefined);
    await waitFor(delivered, "delivery");
    await message.update({
      body: "Your verification code is 246810. @localhost #246810",
      "delivery.state": "SUCCESS",
      redactedAt: FieldValue.delete(),
    });
    await waitFor(delivered, "the trigger's redaction");
    expect((await message.get()).get("body")).toBe(
      "Your verification code is ••••••. @localhost #••••••",
    );
  });
});
