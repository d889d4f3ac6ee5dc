import { Timestamp, type Transaction } from "firebase-admin/firestore";
import { DAY_MS, type ActivityDoc } from "@dash2fa/shared";
import { refs } from "./state.js";

const KEEP_ACTIVITY_MS = 90 * DAY_MS;

/** Adds an event to the user's security activity, inside the caller's transaction. */
export function recordActivity(tx: Transaction, uid: string, event: ActivityDoc): void {
  const clean = Object.fromEntries(Object.entries(event).filter(([, v]) => v !== undefined));
  tx.create(refs.activity(uid).doc(), {
    ...clean,
    expireAt: Timestamp.fromMillis(event.at + KEEP_ACTIVITY_MS),
  });
}
