import { Timestamp, type DocumentData } from "firebase-admin/firestore";
import {
  collections,
  deliveredMethods,
  verificationPurposes,
  type DeliveredMethod,
  type DeliveryMirrorDoc,
  type DeliveryMirrorId,
  type DeliveryState,
  type VerificationPurpose,
} from "@dash2fa/shared";
import { db } from "../admin.js";

/**
 * The outbound document's field naming the code it carries: whose it is, for which
 * purpose and method, and when it dies. Server-only like the rest of the document; the
 * mirror below is what the owner reads.
 */
export const CARRIES_CODE = "carriesCode";

/** A message's code, as `queueMail` and `queueSms` record it. */
export interface CarriedCode {
  uid: string;
  purpose: VerificationPurpose;
  method: DeliveredMethod;
  /** The code's `expiresAt`, which the send result gave the client. */
  expiresAt: number;
}

const purposes: readonly string[] = verificationPurposes;
const methods: readonly string[] = deliveredMethods;

/** The carried code of an outbound document, or `undefined` (a notice carries none). */
export function readCarriedCode(value: unknown): CarriedCode | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const { uid, purpose, method, expiresAt } = value as Record<string, unknown>;
  if (typeof uid !== "string" || uid === "" || uid.includes("/")) return undefined;
  if (typeof purpose !== "string" || !purposes.includes(purpose)) return undefined;
  if (typeof method !== "string" || !methods.includes(method)) return undefined;
  if (typeof expiresAt !== "number") return undefined;
  return {
    uid,
    purpose: purpose as VerificationPurpose,
    method: method as DeliveredMethod,
    expiresAt,
  };
}

/**
 * The extensions' `delivery` field, reduced to what a person needs to know. Twilio's
 * `info.status` tells "sent" (accepted by the network) from "delivered" (on the phone).
 */
export function deliveryState(delivery: unknown): DeliveryState {
  const { state, info } = (delivery ?? {}) as { state?: string; info?: { status?: string } };
  if (state === "ERROR") return "failed";
  if (state !== "SUCCESS") return "sending";
  if (info?.status === "failed" || info?.status === "undelivered") return "failed";
  if (info?.status === undefined || info.status === "delivered") return "delivered";
  return "sent";
}

/** How far a message has come: a state never gives way to an earlier one. */
const progress: Record<DeliveryState, number> = { sending: 0, sent: 1, delivered: 2, failed: 2 };

/**
 * Whether `state` of the message carrying `code` should replace the mirror as it is.
 * Triggers may run late and out of order: a message for an older code, or an older
 * state of the same message, must not overwrite a newer one.
 */
export function supersedes(
  current: Pick<DeliveryMirrorDoc, "state" | "codeExpiresAt"> | undefined,
  code: Pick<CarriedCode, "expiresAt">,
  state: DeliveryState,
): boolean {
  if (!current) return true;
  if (code.expiresAt !== current.codeExpiresAt) return code.expiresAt > current.codeExpiresAt;
  return progress[state] > progress[current.state];
}

export const mirrorId = (code: Pick<CarriedCode, "purpose" | "method">): DeliveryMirrorId =>
  `${code.purpose}_${code.method}`;

export const mirrorRef = (code: Pick<CarriedCode, "uid" | "purpose" | "method">) =>
  db
    .collection(collections.twoFactor)
    .doc(code.uid)
    .collection(collections.deliveries)
    .doc(mirrorId(code));

/**
 * Copies the delivery state of a message carrying a code into the owner's mirror
 * (`twoFactor/{uid}/deliveries/{purpose}_{method}`) as it changes, intermediate states
 * (Twilio's "sent") included, so the verify dialog listens instead of polling. Only the
 * state, the code's expiry (which ties it to the code the client holds) and the time,
 * plus `expireAt` for the TTL policy: a mirror says nothing once its code has expired.
 */
export async function mirrorDelivery(
  before: DocumentData | undefined,
  after: DocumentData | undefined,
  now: number,
): Promise<boolean> {
  if (!after) return false;
  const state = deliveryState(after.delivery);
  if (before && deliveryState(before.delivery) === state) return false;
  const code = readCarriedCode(after[CARRIES_CODE]);
  if (!code) return false;
  const ref = mirrorRef(code);
  return db.runTransaction(async (tx) => {
    const current = (await tx.get(ref)).data() as DeliveryMirrorDoc | undefined;
    if (!supersedes(current, code, state)) return false;
    const mirror: DeliveryMirrorDoc = { state, codeExpiresAt: code.expiresAt, updatedAt: now };
    tx.set(ref, { ...mirror, expireAt: Timestamp.fromMillis(code.expiresAt) });
    return true;
  });
}
