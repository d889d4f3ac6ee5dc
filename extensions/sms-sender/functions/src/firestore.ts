import { getApps, initializeApp } from "firebase-admin/app";
import {
  FieldValue,
  Timestamp,
  getFirestore,
  type DocumentData,
  type Firestore,
} from "firebase-admin/firestore";
import { REMOVE, type DeliveryView, type FieldUpdate } from "./delivery.js";

export function database(databaseId: string): Firestore {
  const app = getApps()[0] ?? initializeApp();
  return databaseId === "(default)" ? getFirestore(app) : getFirestore(app, databaseId);
}

function millis(value: unknown): number | null {
  if (value instanceof Timestamp) return value.toMillis();
  if (value instanceof Date) return value.getTime();
  return null;
}

/** The `delivery` field as the decisions read it. */
export function deliveryView(data: DocumentData | undefined): DeliveryView | undefined {
  const delivery = data?.delivery as Record<string, unknown> | undefined;
  if (!delivery) return undefined;
  const lease = delivery.leaseExpireTime;
  return {
    state: typeof delivery.state === "string" ? delivery.state : undefined,
    attempts: typeof delivery.attempts === "number" ? delivery.attempts : 0,
    leaseExpiresAtMs: millis(lease),
  };
}

/** A decision's update in Firestore's terms. */
export function toFirestore(update: FieldUpdate): DocumentData {
  return Object.fromEntries(
    Object.entries(update).map(([path, value]) => [
      path,
      value === REMOVE ? FieldValue.delete() : value,
    ]),
  );
}
