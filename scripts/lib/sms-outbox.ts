/**
 * The development outbox's copy of each SMS the sink takes, in the shape the outbox page
 * and the tests read (`devOutbox/{messages document id}`, see
 * functions/src/emulator/dev-outbox.ts): the text as sent, before the extension masks
 * the code in the `messages` document, and the state the handset's network reported.
 */
import type { Firestore } from "firebase-admin/firestore";
import { collections } from "@dash2fa/shared";
import type { SinkMessage } from "../../extensions/sms-sender/sink/sink.js";

export const DEV_OUTBOX = "devOutbox";

export interface SmsOutboxItem {
  kind: "sms";
  to: string;
  text: string;
  state: "SUCCESS" | "ERROR";
  error?: string;
  createdAt: number;
}

/** What the outbox says of a message that will never reach the handset. */
const FAILURES: Readonly<Record<string, string>> = {
  undelivered: "Unreachable handset",
  failed: "Not sent by the network",
};

export function outboxItem(message: SinkMessage, createdAt: number): SmsOutboxItem {
  return { kind: "sms", to: message.to, text: message.body, state: "SUCCESS", createdAt };
}

/** The outbox's update when the network reports `status`, or null when it changes nothing. */
export function outboxStatusUpdate(
  status: string,
  errorCode: string | null,
): Pick<SmsOutboxItem, "state" | "error"> | null {
  const failure = FAILURES[status];
  if (!failure) return null;
  return { state: "ERROR", error: errorCode ? `${failure} (${errorCode})` : failure };
}

/**
 * The `messages` document the extension is sending this message from: the one to the
 * same number with the same body, still unmasked while the send is under way. Falls back
 * to the provider's message id when none is found (a message sent from elsewhere).
 */
export async function messageDocumentId(db: Firestore, message: SinkMessage): Promise<string> {
  const candidates = await db.collection(collections.messages).where("to", "==", message.to).get();
  const sending = candidates.docs.filter((doc) => doc.get("body") === message.body);
  const match =
    sending.find((doc) => doc.get("delivery.state") === "PROCESSING") ?? sending[0] ?? null;
  return match?.id ?? message.sid;
}

/** Keeps the development outbox in step with the sink. */
export function smsOutboxMirror(db: Firestore, log: (line: string) => void = console.log) {
  const ids = new Map<string, string>();
  return {
    async onMessage(message: SinkMessage): Promise<void> {
      const id = await messageDocumentId(db, message);
      ids.set(message.sid, id);
      await db.collection(DEV_OUTBOX).doc(id).set(outboxItem(message, Date.now()));
      log(`SMS to ${message.to}: ${message.body}`);
    },
    async onStatus(message: SinkMessage, status: string): Promise<void> {
      const update = outboxStatusUpdate(status, message.errorCode);
      const id = ids.get(message.sid);
      if (!update || !id) return;
      await db.collection(DEV_OUTBOX).doc(id).update(update);
      log(`SMS to ${message.to} ${status}${message.errorCode ? ` (${message.errorCode})` : ""}`);
    },
  };
}
