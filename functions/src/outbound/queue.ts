import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { DAY_MS, collections, type TwoFactorMethod } from "@dash2fa/shared";
import { db } from "../admin.js";
import type { MailDoc } from "./email.js";
import type { SmsDoc } from "./sms.js";

/** Outbound documents vanish a day after they were queued (TTL on `expireAt`). */
const KEEP_OUTBOUND_MS = DAY_MS;

export function queueMail(tx: Transaction, mail: MailDoc, now: number): void {
  tx.create(db.collection(collections.mail).doc(), {
    ...mail,
    expireAt: Timestamp.fromMillis(now + KEEP_OUTBOUND_MS),
  });
}

export function queueSms(tx: Transaction, sms: SmsDoc, now: number): void {
  tx.create(db.collection(collections.messages).doc(), {
    ...sms,
    expireAt: Timestamp.fromMillis(now + KEEP_OUTBOUND_MS),
  });
}

export const outboundCollection: Record<TwoFactorMethod, string> = {
  email: collections.mail,
  phone: collections.messages,
};
