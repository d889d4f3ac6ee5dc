import { onCall } from "firebase-functions/v2/https";
import { FUNCTIONS_REGION } from "@dash2fa/shared";
import { db } from "../admin.js";
import { isEmulator } from "../runtime.js";

/**
 * Emulator-only copy of every delivered email and SMS, so a developer (and the tests)
 * can read codes after the outbound documents have been redacted. Server-only in the
 * rules; listed by `devOutbox`. Emails are copied by `devDeliverMail`; texts by the SMS
 * sink the extension sends to in development (scripts/lib/sms-outbox.ts), keyed by the
 * `messages` document's id as well.
 */
export const DEV_OUTBOX = "devOutbox";

export interface DevOutboxItem {
  kind: "email" | "sms";
  to: string;
  subject?: string;
  text: string;
  state: "SUCCESS" | "ERROR";
  error?: string;
  createdAt: number;
}

export function assertEmulator(name: string): void {
  if (!isEmulator()) throw new Error(`${name} must never run outside the emulator`);
}

export async function recordInDevOutbox(id: string, item: DevOutboxItem): Promise<void> {
  await db.collection(DEV_OUTBOX).doc(id).set(item);
}

/** The newest 100 messages, for the development outbox page. */
export const devOutboxCallable = () =>
  onCall({ region: FUNCTIONS_REGION }, async () => {
    assertEmulator("devOutbox");
    const snapshot = await db.collection(DEV_OUTBOX).orderBy("createdAt", "desc").limit(100).get();
    return {
      items: snapshot.docs.map((doc) => ({ id: doc.id, ...(doc.data() as DevOutboxItem) })),
    };
  });
