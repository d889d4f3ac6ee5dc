import { randomBytes } from "node:crypto";
import { FieldValue } from "firebase-admin/firestore";
import { logger } from "firebase-functions";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { FUNCTIONS_REGION, collections } from "@dash2fa/shared";
import type { SmsDoc } from "../outbound/sms.js";
import { assertEmulator, recordInDevOutbox } from "./dev-outbox.js";

/**
 * Numbers ending in six zeros stand for an unreachable handset, so a developer (and the
 * tests) can see how a failed delivery looks.
 */
export const UNREACHABLE_NUMBER = /000000$/;

/**
 * Emulator-only stand-in for the Twilio Send Message extension: "sends" each `messages`
 * document to the development outbox and the terminal, and records the extension's
 * `delivery` field (state SUCCESS | ERROR, `info.status`). Exported only in the emulator.
 */
export const deliverSmsInEmulator = () =>
  onDocumentCreated(
    { document: `${collections.messages}/{id}`, region: FUNCTIONS_REGION },
    async (event) => {
      assertEmulator("deliverSmsInEmulator");
      const snapshot = event.data;
      if (!snapshot) return;
      const sms = snapshot.data() as SmsDoc;
      const ref = snapshot.ref;
      await ref.update({
        delivery: { state: "PROCESSING", startTime: FieldValue.serverTimestamp() },
      });
      const item = {
        kind: "sms" as const,
        to: String(sms.to),
        text: String(sms.body),
        createdAt: Date.now(),
      };
      if (UNREACHABLE_NUMBER.test(item.to)) {
        const error = "Unreachable handset (development outbox)";
        await recordInDevOutbox(ref.id, { ...item, state: "ERROR", error });
        await ref.update({
          "delivery.state": "ERROR",
          "delivery.endTime": FieldValue.serverTimestamp(),
          "delivery.error": error,
          "delivery.info": { status: "failed", errorCode: 30003 },
        });
        return;
      }
      logger.info(`SMS to ${item.to}: ${item.text}`);
      await recordInDevOutbox(ref.id, { ...item, state: "SUCCESS" });
      await ref.update({
        "delivery.state": "SUCCESS",
        "delivery.endTime": FieldValue.serverTimestamp(),
        "delivery.error": null,
        "delivery.info": {
          messageSid: `SM${randomBytes(16).toString("hex")}`,
          status: "delivered",
          numSegments: String(Math.ceil(item.text.length / 160)),
        },
      });
    },
  );
