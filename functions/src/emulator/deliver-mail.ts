import { FieldValue, Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentWritten } from "firebase-functions/v2/firestore";
import { FUNCTIONS_REGION, collections } from "@dash2fa/shared";
import { db } from "../admin.js";
import type { MailDoc } from "../outbound/email.js";
import { assertEmulator, recordInDevOutbox } from "./dev-outbox.js";

/** Where MailDev listens; the start and test scripts run it on this port. */
const smtpPort = Number(process.env.DEV_SMTP_PORT ?? 1025);
/** The extension's default sender (its `DEFAULT_FROM` parameter). */
const defaultFrom = "Dashboard <no-reply@dashboard.localhost>";
const LEASE_MS = 60_000;

type Mail = MailDoc & {
  from?: string;
  delivery?: { state?: string; leaseExpireTime?: Timestamp | null };
};

/**
 * Emulator-only stand-in for the Trigger Email extension (0.2.8), which cannot run
 * offline here: it delivers `mail` documents over SMTP to the local MailDev inbox and
 * writes what the extension writes, field for field and in the same order, so the rest
 * of the system cannot tell them apart. Like the extension it runs on every write of a
 * document and moves it one step at a time:
 *
 * - no `delivery`: `{startTime, state: "PENDING", attempts: 0, error: null}`;
 * - PENDING (or RETRY): PROCESSING with a 60-second `leaseExpireTime`, then one attempt,
 *   which writes `attempts + 1`, `endTime`, `error: null`, `leaseExpireTime: null` and
 *   SUCCESS with `info {messageId, sendgridQueueId, accepted, rejected, pending, response}`,
 *   or ERROR with `error` as the extension words it (`"Error: <message>"`);
 * - PROCESSING past its lease: ERROR, "Message processing lease expired.";
 * - SUCCESS or ERROR: nothing.
 *
 * `index.ts` exports it only in the emulator.
 */
export const deliverMailInEmulator = () =>
  onDocumentWritten(
    { document: `${collections.mail}/{id}`, region: FUNCTIONS_REGION },
    async (event) => {
      assertEmulator("deliverMailInEmulator");
      const after = event.data?.after;
      if (!after?.exists) return;
      const state = (after.data() as Mail).delivery?.state;
      if (state === "SUCCESS" || state === "ERROR") return;

      const ref = after.ref;
      const attempt = await db.runTransaction(async (tx) => {
        const snapshot = await tx.get(ref);
        if (!snapshot.exists) return false;
        const mail = snapshot.data() as Mail;
        if (typeof mail.message !== "object") return false;
        const delivery = mail.delivery;
        if (!delivery) {
          tx.update(ref, {
            delivery: { startTime: Timestamp.now(), state: "PENDING", attempts: 0, error: null },
          });
          return false;
        }
        if (delivery.state === "PROCESSING") {
          if ((delivery.leaseExpireTime?.toMillis() ?? 0) < Date.now()) {
            tx.update(ref, {
              "delivery.state": "ERROR",
              "delivery.error": "Message processing lease expired.",
            });
          }
          return false;
        }
        if (delivery.state !== "PENDING" && delivery.state !== "RETRY") return false;
        tx.update(ref, {
          "delivery.state": "PROCESSING",
          "delivery.leaseExpireTime": Timestamp.fromMillis(Date.now() + LEASE_MS),
        });
        return true;
      });
      if (attempt) await deliver(after.ref);
    },
  );

async function deliver(ref: DocumentReference): Promise<void> {
  const snapshot = await ref.get();
  const mail = snapshot.data() as Mail | undefined;
  if (mail?.delivery?.state !== "PROCESSING") return;
  const update: Record<string, unknown> = {
    "delivery.attempts": FieldValue.increment(1),
    "delivery.endTime": FieldValue.serverTimestamp(),
    "delivery.error": null,
    "delivery.leaseExpireTime": null,
  };
  const item = {
    kind: "email" as const,
    to: String(mail.to),
    subject: mail.message?.subject ?? "",
    text: mail.message?.text ?? "",
    createdAt: Date.now(),
  };
  try {
    const { createTransport } = await import("nodemailer");
    const transport = createTransport({
      host: "127.0.0.1",
      port: smtpPort,
      secure: false,
      ignoreTLS: true,
    });
    const sent = await transport.sendMail({
      from: mail.from || defaultFrom,
      to: mail.to,
      subject: mail.message.subject,
      text: mail.message.text,
      html: mail.message.html,
    });
    update["delivery.state"] = "SUCCESS";
    update["delivery.info"] = {
      messageId: sent.messageId || null,
      sendgridQueueId: null,
      accepted: sent.accepted.map(String),
      rejected: sent.rejected.map(String),
      pending: [],
      response: sent.response || null,
    };
    await recordInDevOutbox(ref.id, { ...item, state: "SUCCESS" });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    logger.warn("Development mail delivery failed", { id: ref.id, message });
    update["delivery.state"] = "ERROR";
    update["delivery.error"] = String(error);
    await recordInDevOutbox(ref.id, { ...item, state: "ERROR", error: message });
  }
  await ref.update(update);
}
