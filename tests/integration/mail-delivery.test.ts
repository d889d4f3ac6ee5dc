import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import { adminDb, newUser, sendAndReadCode, waitFor, type TestUser } from "../support/clients.js";

const mailDevApi = process.env.MAILDEV_API ?? "http://127.0.0.1:1080";

async function finalDelivery(mailId: string) {
  return waitFor(async () => {
    const delivery = (await adminDb().collection(collections.mail).doc(mailId).get()).get(
      "delivery",
    );
    return delivery?.state === "SUCCESS" || delivery?.state === "ERROR" ? delivery : undefined;
  }, `the final delivery state of mail/${mailId}`);
}

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
});
afterEach(() => user.dispose());

describe("development mail delivery (Trigger Email contract)", () => {
  it("delivers the code to MailDev and records SUCCESS with the message id", async () => {
    const { code, outboundId: mailId } = await sendAndReadCode(user);
    const delivery = await finalDelivery(mailId);
    // Field for field what Trigger Email 0.2.8 writes on a delivered message.
    expect(Object.keys(delivery).sort()).toEqual(
      ["attempts", "endTime", "error", "info", "leaseExpireTime", "startTime", "state"].sort(),
    );
    expect(delivery).toMatchObject({
      state: "SUCCESS",
      attempts: 1,
      error: null,
      leaseExpireTime: null,
    });
    expect(Object.keys(delivery.info).sort()).toEqual(
      ["accepted", "messageId", "pending", "rejected", "response", "sendgridQueueId"].sort(),
    );
    expect(delivery.info.messageId).toMatch(/^<.+>$/);
    expect(delivery.info.accepted).toEqual([user.email]);

    const inbox = await waitFor(async () => {
      const all = (await (await fetch(`${mailDevApi}/api/email`)).json()) as {
        to: { address: string }[];
        subject: string;
        text: string;
        html: string;
        messageId: string;
      }[];
      return all.find((mail) => mail.to.some((to) => to.address === user.email));
    }, "the email in MailDev");
    expect(inbox.subject).toBe("Your Dashboard verification code");
    expect(inbox.text).toContain(code);
    expect(inbox.html).toContain(code);

    // Once delivery is final, the code no longer exists in Firestore.
    const redacted = await waitFor(async () => {
      const doc = await adminDb().collection(collections.mail).doc(mailId).get();
      return doc.get("redactedAt") ? doc.data() : undefined;
    }, "redaction");
    expect(JSON.stringify(redacted)).not.toContain(code);
    expect(redacted?.to).toBe(user.email);
  });

  it("records ERROR with the reason when the message cannot be sent", async () => {
    const ref = await adminDb()
      .collection(collections.mail)
      .add({ to: "", message: { subject: "s", text: "t", html: "<p>t</p>" } });
    const delivery = await finalDelivery(ref.id);
    expect(delivery).toMatchObject({ state: "ERROR", attempts: 1, leaseExpireTime: null });
    // The extension stores the error as `String(error)`: "Error: <reason>".
    expect(String(delivery.error)).toMatch(/^Error: ./);
  });

  it("acts on every write, as the extension does: a message set back to RETRY is sent again", async () => {
    const ref = await adminDb()
      .collection(collections.mail)
      .add({ to: user.email, message: { subject: "again", text: "t", html: "<p>t</p>" } });
    expect((await finalDelivery(ref.id)).attempts).toBe(1);
    await ref.update({ "delivery.state": "RETRY" });
    const again = await waitFor(async () => {
      const delivery = (await ref.get()).get("delivery");
      return delivery?.attempts === 2 && delivery.state === "SUCCESS" ? delivery : undefined;
    }, "the second attempt");
    expect(again.info.accepted).toEqual([user.email]);
  });

  it("sends from the document's own sender when it names one", async () => {
    const subject = `From a named sender ${user.uid}`;
    const ref = await adminDb()
      .collection(collections.mail)
      .add({
        to: user.email,
        from: "Security <security@dashboard.localhost>",
        message: { subject, text: "t", html: "<p>t</p>" },
      });
    await finalDelivery(ref.id);
    const inbox = await waitFor(async () => {
      const all = (await (await fetch(`${mailDevApi}/api/email`)).json()) as {
        subject: string;
        from: { address: string }[];
      }[];
      return all.find((mail) => mail.subject === subject);
    }, "the email in MailDev");
    expect(inbox.from[0]?.address).toBe("security@dashboard.localhost");
  });
});
