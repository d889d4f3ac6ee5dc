import { collections } from "@dash2fa/shared";
import { db } from "../admin.js";
import { defineEmulatorOnly } from "../callable.js";
import { assertEmulator } from "./dev-outbox.js";

/** How many documents a reset deleted, by what they were. */
export interface DevResetLimitsResult {
  /** Send counters: per user, destination and IP, device sign-ins, password resets. */
  limits: number;
  /** Code lockout guards: wrong codes in a row and wrong recovery codes, per user. */
  locks: number;
}

/** Firestore's most writes in one batch. */
const BATCH_SIZE = 500;

/**
 * Emulator-only: forgets every send limit and every lock after wrong codes, for the
 * development outbox page's "Reset sending limits". In the emulator every call comes from
 * 127.0.0.1 and the counters survive restarts (`.emulator-data/`), so a developer trying
 * the flows by hand soon meets the per-IP limit, then the per-user one, and waits an hour.
 *
 * It deletes every document of `rateLimits` (`security/rate-limit.ts`: `user_` and
 * `dest_` counters, `ip_` windows, `device_` remembered-device sign-ins, and the `reset_`
 * password-reset requests of `account/password.ts`) and of `verificationGuards`
 * (`security/guard.ts`), for every account: the emulator is the developer's own. A
 * challenge's own state (its one-minute resend cooldown, its wrong guesses) stays.
 */
export const devResetLimitsCallable = () =>
  defineEmulatorOnly(async (): Promise<DevResetLimitsResult> => {
    assertEmulator("devResetLimits");
    const [limits, locks] = await Promise.all([
      deleteAll(collections.rateLimits),
      deleteAll(collections.verificationGuards),
    ]);
    return { limits, locks };
  });

async function deleteAll(collection: string): Promise<number> {
  const { docs } = await db.collection(collection).select().get();
  for (let start = 0; start < docs.length; start += BATCH_SIZE) {
    const batch = db.batch();
    for (const doc of docs.slice(start, start + BATCH_SIZE)) batch.delete(doc.ref);
    await batch.commit();
  }
  return docs.length;
}
