import { FieldValue, type DocumentSnapshot } from "firebase-admin/firestore";
import { REDACT_BY } from "../outbound/queue.js";

const FINAL_STATES = new Set(["SUCCESS", "ERROR"]);
const CODE = /\b\d{6}\b/g;
const MASK = "••••••";

/** The outbound document's fields that may carry a code, with the code masked. */
export function redactedFields(data: Record<string, unknown>): Record<string, string> {
  const fields: Record<string, string> = {};
  const message = data.message as Record<string, unknown> | undefined;
  for (const [path, value] of [
    ["message.text", message?.text],
    ["message.html", message?.html],
    ["body", data.body],
  ] as const) {
    if (typeof value === "string") fields[path] = value.replace(CODE, MASK);
  }
  return fields;
}

/** The update that masks a document's code and records when. */
export function redaction(data: Record<string, unknown>): Record<string, unknown> {
  return {
    ...redactedFields(data),
    redactedAt: FieldValue.serverTimestamp(),
    [REDACT_BY]: FieldValue.delete(),
  };
}

/**
 * Plaintext codes live only in outbound documents, and only until delivery is final
 * (SUCCESS or ERROR, written by the extension or its emulator stand-in): masks the code
 * of a message whose delivery just became final (`followDelivery` runs it on every
 * update, in production as in the emulator).
 */
export async function redactIfFinal(after: DocumentSnapshot): Promise<void> {
  const state = after.get("delivery.state");
  if (after.get("redactedAt") || !FINAL_STATES.has(String(state))) return;
  await after.ref.update(redaction(after.data() ?? {}));
}
