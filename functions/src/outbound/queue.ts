import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { DAY_MS, collections, type DeliveredMethod } from "@dash2fa/shared";
import { db } from "../admin.js";
import type { MailDoc } from "./email.js";
import type { SmsDoc } from "./sms.js";

/** Outbound documents vanish a day after they were queued (TTL on `expireAt`). */
const KEEP_OUTBOUND_MS = DAY_MS;

/** Queues an email; returns the document id, so its delivery can be followed. */
export function queueMail(tx: Transaction, mail: MailDoc, now: number): string {
  const ref = db.collection(collections.mail).doc();
  tx.create(ref, { ...mail, expireAt: Timestamp.fromMillis(now + KEEP_OUTBOUND_MS) });
  return ref.id;
}

/** Queues a text message; returns the document id, so its delivery can be followed. */
export function queueSms(tx: Transaction, sms: SmsDoc, now: number): string {
  const ref = db.collection(collections.messages).doc();
  tx.create(ref, { ...sms, expireAt: Timestamp.fromMillis(now + KEEP_OUTBOUND_MS) });
  return ref.id;
}

export const outboundCollection: Record<DeliveredMethod, string> = {
  email: collections.mail,
  phone: collections.messages,
};
