import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  stepUpByEmail,
  waitFor,
  type TestUser,
} from "../support/clients.js";

/** The notice with `subject` in it sent to `address`, once it is queued. */
function noticeTo(address: string, subject: string) {
  return waitFor(async () => {
    const mail = await adminDb().collection(collections.mail).where("to", "==", address).get();
    return mail.docs.find((doc) => String(doc.get("message.subject")).includes(subject));
  }, `the notice "${subject}"`);
}

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
  await enableEmail(user);
});
afterEach(() => user.dispose());

describe("security notices say what happened", () => {
  it("say a method was removed and that 2FA stays on, when another method remains", async () => {
    await stepUpByEmail(user);
    const started = await user.startTotpEnrollment();
    const app = new TOTP({ secret: Secret.fromBase32(started.secret) });
    await user.upgrade(
      await user.verify({ purpose: "enroll", method: "totp", code: app.generate() }),
    );
    await user.upgrade(await user.disableMethod({ method: "email" }));

    const notice = await noticeTo(user.email, "A two-factor method was removed");
    expect(notice.get("message.text")).toContain(
      "Two-factor authentication by email was removed from your Dashboard account. Two-factor authentication stays on with your other methods.",
    );
    const all = await adminDb().collection(collections.mail).where("to", "==", user.email).get();
    const subjects = all.docs.map((doc) => String(doc.get("message.subject")));
    expect(subjects.filter((s) => s.includes("Two-factor authentication was turned off"))).toEqual(
      [],
    );
  });

  it("say 2FA was turned off when the last method goes", async () => {
    await stepUpByEmail(user);
    await user.upgrade(await user.disableMethod({ method: "email" }));
    const notice = await noticeTo(user.email, "Two-factor authentication was turned off");
    expect(notice.get("message.text")).toContain(
      "Your Security page: http://localhost:5173/security",
    );
  });
});
