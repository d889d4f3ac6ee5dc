import { Timestamp } from "firebase-admin/firestore";
import { onSchedule } from "firebase-functions/v2/scheduler";
import { FUNCTIONS_REGION, collections } from "@dash2fa/shared";
import { db } from "../admin.js";
import { REDACT_BY } from "../outbound/queue.js";
import { redaction } from "./redact-delivered.js";

/** Documents masked per collection per run; a backlog is taken over the next runs. */
const BATCH = 400;

/**
 * Masks the code of every outbound message whose code has died (`redactBy` passed) and
 * that still holds it: a delivery that never reached a final state (the provider down,
 * the extension's function killed mid-send) no longer keeps a plain code until the
 * one-day TTL. Returns how many documents it masked.
 */
export async function redactExpiredCodes(now: number): Promise<number> {
  let masked = 0;
  for (const collection of [collections.mail, collections.messages]) {
    const stale = await db
      .collection(collection)
      .where(REDACT_BY, "<=", Timestamp.fromMillis(now))
      .limit(BATCH)
      .get();
    if (stale.empty) continue;
    const batch = db.batch();
    for (const doc of stale.docs) batch.update(doc.ref, redaction(doc.data()));
    await batch.commit();
    masked += stale.size;
  }
  return masked;
}

/** Every five minutes, so no plain code outlives its 10-minute life by more than that. */
export const redactStaleCodes = onSchedule(
  { schedule: "every 5 minutes", region: FUNCTIONS_REGION, timeoutSeconds: 120 },
  async () => {
    await redactExpiredCodes(Date.now());
  },
);
