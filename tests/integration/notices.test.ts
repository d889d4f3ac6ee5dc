import { doc, setDoc } from "firebase/firestore";
import { Secret, TOTP } from "otpauth";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  sendAndReadCode,
  stepUpByEmail,
  waitFor,
  type TestUser,
} from "../support/clients.js";
import { texts } from "../../functions/src/outbound/texts.js";

const mailDevApi = process.env.MAILDEV_API ?? "http://127.0.0.1:1080";
const securityPage = "http://localhost:5173/security";

interface Notice {
  subject: string;
  text: string;
  html: string;
}

/** Every message queued for `address`, oldest first. */
async function mailTo(address: string): Promise<Notice[]> {
  const mail = await adminDb().collection(collections.mail).where("to", "==", address).get();
  return mail.docs
    .sort((a, b) => a.createTime.toMillis() - b.createTime.toMillis())
    .map((d) => d.get("message") as Notice);
}

/** The notice with `subject` in it sent to `address`, once it is queued. */
function noticeTo(address: string, subject: string): Promise<Notice> {
  return waitFor(
    async () => (await mailTo(address)).find((mail) => mail.subject.includes(subject)),
    `the notice "${subject}"`,
  );
}

/** Turns the authenticator app on as a second method (the user must have stepped up). */
async function addAuthenticatorApp(user: TestUser): Promise<void> {
  const started = await user.startTotpEnrollment();
  const app = new TOTP({ secret: Secret.fromBase32(started.secret) });
  await user.upgrade(
    await user.verify({ purpose: "enroll", method: "totp", code: app.generate() }),
  );
}

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
  await enableEmail(user);
});
afterEach(() => user.dispose());

describe("security notices say what happened", () => {
  it("say 2FA was turned on by the first method only; a second is added to it", async () => {
    await stepUpByEmail(user);
    await addAuthenticatorApp(user);

    const added = await noticeTo(user.email, "A two-factor method was added");
    expect(added.text).toContain(
      "Two-factor authentication by authenticator app was added to your Dashboard account. It can now be used for the second step when you sign in.",
    );
    const subjects = (await mailTo(user.email)).map((mail) => mail.subject);
    expect(subjects.filter((s) => s.includes("Two-factor authentication was turned on"))).toEqual([
      "Dashboard: Two-factor authentication was turned on",
    ]);
  });

  it("name the method removed and what still protects the account, when another remains", async () => {
    await stepUpByEmail(user);
    await addAuthenticatorApp(user);
    const result = await user.disableMethod({ method: "email" });
    await user.upgrade(result);
    expect(result.remainingMethods).toEqual(["totp"]);

    const notice = await noticeTo(user.email, "A two-factor method was removed");
    expect(notice.text).toContain(
      "Two-factor authentication by email was removed from your Dashboard account. Your account is still protected: two-factor authentication stays on with your authenticator app.",
    );
    const subjects = (await mailTo(user.email)).map((mail) => mail.subject);
    expect(subjects.filter((s) => s.includes("Two-factor authentication was turned off"))).toEqual(
      [],
    );
  });

  it("list every method still on", async () => {
    await stepUpByEmail(user);
    await addAuthenticatorApp(user);
    await stepUpByEmail(user);
    const phone = `+995555${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
    const { code } = await sendAndReadCode(
      user,
      { purpose: "enroll", method: "phone", destination: phone },
      phone,
    );
    await user.upgrade(await user.verify({ purpose: "enroll", method: "phone", code }));
    await stepUpByEmail(user);
    const result = await user.disableMethod({ method: "email" });
    await user.upgrade(result);
    expect(result.remainingMethods).toEqual(["phone", "totp"]);

    const removed = await noticeTo(user.email, "A two-factor method was removed");
    expect(removed.text).toContain(
      "Your account is still protected: two-factor authentication stays on with your phone number (SMS) and authenticator app.",
    );
  });

  it("say 2FA is off, and the account no longer protected by it, when the last method goes", async () => {
    await stepUpByEmail(user);
    const result = await user.disableMethod({ method: "email" });
    await user.upgrade(result);
    expect(result.remainingMethods).toEqual([]);

    const notice = await noticeTo(user.email, "Two-factor authentication was turned off");
    expect(notice.text).toContain(
      "Two-factor authentication by email was turned off for your Dashboard account. It was your only method, so your account is no longer protected by two-factor authentication",
    );
    expect(notice.text).toContain(`Your Security page: ${securityPage}`);
    expect(notice.html).toContain(`<a href="${securityPage}"`);
  });

  it("are in the account's language, Georgian included", async () => {
    await setDoc(doc(user.firestore, collections.users, user.uid), { locale: "ka" });
    await stepUpByEmail(user);
    await addAuthenticatorApp(user);
    await user.upgrade(await user.disableMethod({ method: "email" }));

    const ka = texts.ka;
    const added = await noticeTo(user.email, ka.notices["method-added"].subject);
    expect(added.text).toContain(ka.notices["method-added"].body(ka.methodNames.totp));
    const removed = await noticeTo(user.email, ka.notices["method-removed"].subject);
    expect(removed.text).toContain(
      ka.methodRemoved(ka.methodNames.email, ka.list([ka.methodNames.totp])),
    );
    expect(removed.text).toContain("ანგარიში კვლავ დაცულია");
    expect(removed.text).not.toContain("Two-factor");
    expect(removed.text).toContain(ka.securityPage(securityPage));
  });

  it("each link to the Security page, clickable in the delivered email", async () => {
    await stepUpByEmail(user);
    await addAuthenticatorApp(user);
    await stepUpByEmail(user);
    await user.regenerateRecoveryCodes();
    await user.upgrade(await user.disableMethod({ method: "totp" }));

    const notices = await waitFor(async () => {
      const all = (await mailTo(user.email)).filter((m) => m.subject.startsWith("Dashboard: "));
      // Turned on, added, new recovery codes, removed.
      return all.length >= 4 ? all : undefined;
    }, "four notices");
    for (const notice of notices) {
      expect(notice.text, notice.subject).toContain(`Your Security page: ${securityPage}`);
      expect(notice.html, notice.subject).toContain(`<a href="${securityPage}"`);
    }

    const delivered = await waitFor(async () => {
      const inbox = (await (await fetch(`${mailDevApi}/api/email`)).json()) as {
        to: { address: string }[];
        subject: string;
        html: string;
      }[];
      return inbox.find(
        (mail) =>
          mail.to.some((to) => to.address === user.email) &&
          mail.subject.includes("A two-factor method was removed"),
      );
    }, "the removal notice in MailDev");
    expect(delivered.html).toContain(`<a href="${securityPage}"`);
  });
});
