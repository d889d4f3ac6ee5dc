/**
 * The provider's message statuses in the order a message moves through them, so a late
 * or repeated receipt never moves `delivery.info.status` backwards. Receipts arrive out
 * of order: a "sent" can land after its "delivered".
 */
const RANK: ReadonlyMap<string, number> = new Map([
  ["accepted", 0],
  ["scheduled", 0],
  ["queued", 1],
  ["sending", 2],
  ["sent", 3],
  ["delivered", 4],
  ["undelivered", 4],
  ["failed", 4],
  ["canceled", 4],
  ["read", 5],
]);

/** From this rank on, a status is an outcome. */
const OUTCOME_RANK = 4;

/** Statuses that mean the handset will never have the message. */
export const FAILED_STATUSES: ReadonlySet<string> = new Set(["undelivered", "failed"]);

export function isKnownStatus(status: string): boolean {
  return RANK.has(status);
}

/**
 * The status to record when `incoming` arrives while `current` is recorded, or null to
 * keep `current`. An outcome (delivered, undelivered, failed, canceled) is final, except
 * that a delivered message may still be read.
 */
export function nextStatus(current: string | null | undefined, incoming: string): string | null {
  const incomingRank = RANK.get(incoming);
  if (incomingRank === undefined || incoming === current) return null;
  const currentRank = current == null ? undefined : RANK.get(current);
  if (currentRank === undefined) return incoming;
  if (currentRank >= OUTCOME_RANK)
    return current === "delivered" && incoming === "read" ? incoming : null;
  return incomingRank > currentRank ? incoming : null;
}

/** Words for the delivery error codes a handset's network reports most often. */
const DELIVERY_ERRORS: ReadonlyMap<string, string> = new Map([
  ["30003", "Unreachable destination handset"],
  ["30004", "Message blocked"],
  ["30005", "Unknown destination handset"],
  ["30006", "Landline or unreachable carrier"],
  ["30007", "Message filtered by the carrier"],
  ["30008", "Unknown delivery error"],
]);

/**
 * The update a receipt makes to a message whose recorded status is `current`: the new
 * status, and on failure the network's error code. Null: the receipt changes nothing.
 */
export function receiptUpdate(
  current: string | null | undefined,
  receipt: { status: string; errorCode: string | null },
): Record<string, string> | null {
  const status = nextStatus(current, receipt.status);
  if (status === null) return null;
  if (!FAILED_STATUSES.has(status)) return { "delivery.info.status": status };
  const code = receipt.errorCode ?? "";
  return {
    "delivery.info.status": status,
    "delivery.errorCode": code,
    "delivery.errorMessage": DELIVERY_ERRORS.get(code) ?? `Message ${status}`,
  };
}
