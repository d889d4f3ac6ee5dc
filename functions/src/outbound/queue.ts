import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { DAY_MS, collections, type DeliveredMethod } from "@dash2fa/shared";
import { db } from "../admin.js";
import { CARRIES_CODE, type CarriedCode } from "./delivery-mirror.js";
import type { MailDoc } from "./email.js";
import type { SmsDoc } from "./sms.js";

/** Outbound documents vanish a day after they were queued (TTL on `expireAt`). */
const KEEP_OUTBOUND_MS = DAY_MS;

/**
 * A message that carries a code also carries `redactBy`, the end of the code's life:
 * the scheduled clean-up (`hygiene/redact-stale.ts`) masks the code of any message still
 * holding one then, whatever its delivery state, and the field goes with the code.
 */
export const REDACT_BY = "redactBy";

function outbound(doc: object, now: number, code: CarriedCode | undefined) {
  return {
    ...doc,
    expireAt: Timestamp.fromMillis(now + KEEP_OUTBOUND_MS),
    ...(code === undefined
      ? {}
      : {
          [REDACT_BY]: Timestamp.fromMillis(code.expiresAt),
          // Exactly these four: the document is server-only, but holds nothing it needn't.
          [CARRIES_CODE]: {
            uid: code.uid,
            purpose: code.purpose,
            method: code.method,
            expiresAt: code.expiresAt,
          } satisfies CarriedCode,
        }),
  };
}

/**
 * Queues an email; returns the document id, so its delivery can be followed.
 * `code`: the message carries that code (whose, what for, when it dies); its delivery
 * state is then mirrored for its owner (`delivery-mirror.ts`).
 */
export function queueMail(tx: Transaction, mail: MailDoc, now: number, code?: CarriedCode): string {
  const ref = db.collection(collections.mail).doc();
  tx.create(ref, outbound(mail, now, code));
  return ref.id;
}

/** Queues a text message, as `queueMail` does an email. */
export function queueSms(tx: Transaction, sms: SmsDoc, now: number, code?: CarriedCode): string {
  const ref = db.collection(collections.messages).doc();
  tx.create(ref, outbound(sms, now, code));
  return ref.id;
}

export const outboundCollection: Record<DeliveredMethod, string> = {
  email: collections.mail,
  phone: collections.messages,
};
