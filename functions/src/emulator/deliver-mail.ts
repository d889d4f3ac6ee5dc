import { FieldValue, Timestamp } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { FUNCTIONS_REGION, collections } from "@dash2fa/shared";
import type { MailDoc } from "../outbound/email.js";
import { assertEmulator, recordInDevOutbox } from "./dev-outbox.js";

/** Where MailDev listens; the start and test scripts run it on this port. */
const smtpPort = Number(process.env.DEV_SMTP_PORT ?? 1025);
const LEASE_MS = 60_000;

/**
 * Emulator-only stand-in for the Trigger Email extension: delivers each `mail` document
 * over SMTP to the local MailDev inbox and records the outcome in the extension's
 * `delivery` field (PENDING → PROCESSING → SUCCESS | ERROR), so the rest of the system
 * cannot tell it from the real extension. `index.ts` exports it only in the emulator.
 */
export const deliverMailInEmulator = () =>
  onDocumentCreated(
    { document: `${collections.mail}/{id}`, region: FUNCTIONS_REGION },
    async (event) => {
      assertEmulator("deliverMailInEmulator");
      const snapshot = event.data;
      if (!snapshot) return;
      const mail = snapshot.data() as MailDoc;
      const ref = snapshot.ref;

      await ref.update({
        delivery: { state: "PENDING", attempts: 0, startTime: FieldValue.serverTimestamp() },
      });
      await ref.update({
        "delivery.state": "PROCESSING",
        "delivery.attempts": 1,
        "delivery.leaseExpireTime": Timestamp.fromMillis(Date.now() + LEASE_MS),
      });
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
        const info = await transport.sendMail({
          from: "Dashboard <no-reply@dashboard.localhost>",
          to: mail.to,
          subject: mail.message.subject,
          text: mail.message.text,
          html: mail.message.html,
        });
        await recordInDevOutbox(ref.id, { ...item, state: "SUCCESS" });
        await ref.update({
          "delivery.state": "SUCCESS",
          "delivery.endTime": FieldValue.serverTimestamp(),
          "delivery.leaseExpireTime": null,
          "delivery.error": null,
          "delivery.info": {
            messageId: info.messageId ?? null,
            accepted: info.accepted.map(String),
            rejected: info.rejected.map(String),
            pending: [],
            response: info.response ?? null,
          },
        });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        logger.warn("Development mail delivery failed", { id: ref.id, message });
        await recordInDevOutbox(ref.id, { ...item, state: "ERROR", error: message });
        await ref.update({
          "delivery.state": "ERROR",
          "delivery.endTime": FieldValue.serverTimestamp(),
          "delivery.leaseExpireTime": null,
          "delivery.error": message,
        });
      }
    },
  );
