import { logger } from "firebase-functions";
import type { Firestore } from "firebase-admin/firestore";
import { toFirestore } from "./firestore.js";
import type { SmsProvider } from "./provider.js";
import { receiptUpdate } from "./status.js";

/** The parts of an HTTP request and response the receipt endpoint uses. */
export interface ReceiptRequest {
  method: string;
  originalUrl: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
  rawBody?: Buffer;
}

export interface ReceiptResponse {
  status(code: number): ReceiptResponse;
  send(body?: string): unknown;
}

interface Deps {
  db: Firestore;
  collection: string;
  provider: SmsProvider;
  /** The URL the provider was given, which its signature covers. */
  publicUrl: string;
}

/**
 * The URL a receipt was signed for: the public URL the provider was given, with the
 * request's own query string (the path the function sees behind the load balancer or
 * the emulator differs from the public one, the query string does not).
 */
export function signedUrl(publicUrl: string, originalUrl: string): string {
  const query = originalUrl.indexOf("?");
  return query === -1 ? publicUrl : publicUrl + originalUrl.slice(query);
}

/** The form fields of a parsed body; anything else is left out, and fails the signature. */
export function formParams(body: unknown): Record<string, string> {
  if (typeof body !== "object" || body === null || Buffer.isBuffer(body)) return {};
  return Object.fromEntries(
    Object.entries(body).filter((entry): entry is [string, string] => typeof entry[1] === "string"),
  );
}

/**
 * Receives the provider's delivery receipts. Only a correctly signed one is believed:
 * anyone can reach this URL, and a forged "delivered" would tell a person their code is
 * on their phone when it is not.
 */
export async function handleStatusCallback(
  req: ReceiptRequest,
  res: ReceiptResponse,
  deps: Deps,
): Promise<void> {
  if (req.method !== "POST") {
    res.status(405).send("Only POST");
    return;
  }
  const params = formParams(req.body);
  const verified = deps.provider.verifyCallback({
    url: signedUrl(deps.publicUrl, req.originalUrl),
    headers: req.headers,
    params,
    rawBody: req.rawBody?.toString("utf8"),
  });
  if (!verified) {
    logger.warn("Refused a status callback without a valid signature");
    res.status(403).send("Invalid signature");
    return;
  }
  const report = deps.provider.parseCallback(params);
  if (!report) {
    res.status(400).send("No message status");
    return;
  }
  const found = await deps.db
    .collection(deps.collection)
    .where("delivery.info.messageSid", "==", report.messageSid)
    .limit(1)
    .get();
  const doc = found.docs[0];
  if (!doc) {
    logger.warn("Status callback for an unknown message", { messageSid: report.messageSid });
    res.status(404).send("Unknown message");
    return;
  }
  const changed = await deps.db.runTransaction(async (tx) => {
    const snapshot = await tx.get(doc.ref);
    const current = snapshot.get("delivery.info.status") as string | undefined;
    const update = receiptUpdate(current, report);
    if (update) tx.update(doc.ref, toFirestore(update));
    return update !== null;
  });
  logger.info("Status callback", {
    id: doc.id,
    status: report.status,
    errorCode: report.errorCode,
    recorded: changed,
  });
  res.status(204).send();
}
