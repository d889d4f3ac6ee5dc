import { createHash } from "node:crypto";
import { FieldValue, Timestamp, type DocumentSnapshot } from "firebase-admin/firestore";
import {
  DAY_MS,
  collections,
  sendLimits,
  type DeliveredMethod,
  type RefusalDetails,
} from "@dash2fa/shared";
import { db } from "../admin.js";

/** Send times (epoch ms) within the last day, for one user or one destination. */
export interface RateLimitDoc {
  sends: number[];
  /** TTL field: the document disappears a day after its last send. */
  expireAt: Timestamp;
}

export interface Window {
  max: number;
  windowMs: number;
}

/** `retryAt` is when the oldest send inside the window leaves it. */
export function checkWindow(sends: number[], now: number, window: Window): number | undefined {
  const inWindow = sends.filter((at) => at > now - window.windowMs).sort((a, b) => a - b);
  if (inWindow.length < window.max) return undefined;
  return (inWindow[inWindow.length - window.max] ?? now) + window.windowMs;
}

const hashKey = (value: string) => createHash("sha256").update(value).digest("base64url");
const limits = () => db.collection(collections.rateLimits);

/**
 * One mailbox or phone, however it is written: an address in another case or with a
 * `+tag` reaches the same inbox at the common providers, so it counts as the same
 * destination and aliases cannot multiply the per-destination cap.
 */
export function destinationKey(method: DeliveredMethod, destination: string): string {
  if (method === "phone") return destination;
  const lower = destination.trim().toLowerCase();
  const at = lower.lastIndexOf("@");
  if (at <= 0) return lower;
  const local = lower.slice(0, at).split("+")[0] || lower.slice(0, at);
  return `${local}${lower.slice(at)}`;
}

/** The exact counters, read and written inside the send transaction. */
export const rateLimitRefs = (uid: string, method: DeliveredMethod, destination: string) => ({
  user: limits().doc(`user_${uid}`),
  destination: limits().doc(`dest_${hashKey(destinationKey(method, destination))}`),
});

/** Remembered-device sign-in attempts of one user, right or wrong (`sendLimits.deviceSignIns`). */
export const deviceSignInLimitRef = (uid: string) => limits().doc(`device_${uid}`);

export interface SendCounters {
  user: number[];
  /**
   * Sends to this destination from every account, counted for enrolments only: a code
   * to a destination already on file (sign-in, step-up) goes to its owner, and other
   * accounts' enrolment sends must never be able to block it.
   */
  destination?: number[];
}

/** The per-user and per-destination limits; the first refusal wins. */
export function decideRateLimit(counters: SendCounters, now: number): RefusalDetails | undefined {
  const checks: [RefusalDetails["limit"], number[], Window][] = [
    ["user", counters.user, sendLimits.perUserShort],
    ["user", counters.user, sendLimits.perUserDaily],
  ];
  if (counters.destination) {
    checks.push(["destination", counters.destination, sendLimits.perDestinationDaily]);
  }
  for (const [limit, sends, window] of checks) {
    const retryAt = checkWindow(sends, now, window);
    if (retryAt !== undefined) return { reason: "rate-limited", limit, retryAt };
  }
  return undefined;
}

/** The counter after one more send, keeping only what any window still needs. */
export function recordSend(sends: number[], now: number): RateLimitDoc {
  return {
    sends: [...sends.filter((at) => at > now - DAY_MS), now],
    expireAt: Timestamp.fromMillis(now + DAY_MS),
  };
}

export function readSends(snapshot: DocumentSnapshot | undefined): number[] {
  return snapshot?.exists ? ((snapshot.data() as RateLimitDoc).sends ?? []) : [];
}

/*
 * The per-IP limit is a sliding-window counter over fixed buckets, kept outside the send
 * transaction: every user behind one address (an office, a mobile carrier's NAT, the
 * emulator's 127.0.0.1) shares it, and a document read in every send transaction turned
 * into a lock every concurrent send waited on (found by `npm run bench`: 20 concurrent
 * users got "Transaction lock timeout"). Incrementing it atomically without a
 * transaction costs that exactness: concurrent sends from one address may pass the limit
 * by at most their own number. The per-user and per-destination limits stay exact.
 */
const bucketMs = sendLimits.perIp.windowMs;

export const ipBucketRefs = (ip: string, now: number) => {
  const bucket = Math.floor(now / bucketMs);
  return {
    current: limits().doc(`ip_${hashKey(ip)}_${bucket}`),
    previous: limits().doc(`ip_${hashKey(ip)}_${bucket - 1}`),
    currentStart: bucket * bucketMs,
  };
};

/** Sends in the sliding window: all of this bucket, and the part of the last still in it. */
export function estimateIpSends(previous: number, current: number, now: number, start: number) {
  const elapsed = (now - start) / bucketMs;
  return previous * (1 - elapsed) + current;
}

export async function checkIpLimit(ip: string, now: number): Promise<RefusalDetails | undefined> {
  const refs = ipBucketRefs(ip, now);
  const [previous, current] = await db.getAll(refs.previous, refs.current);
  const count = (snap: DocumentSnapshot | undefined) => Number(snap?.get("count") ?? 0);
  const estimate = estimateIpSends(count(previous), count(current), now, refs.currentStart);
  if (estimate < sendLimits.perIp.max) return undefined;
  return { reason: "rate-limited", limit: "ip", retryAt: refs.currentStart + bucketMs };
}

export async function countIpSend(ip: string, now: number): Promise<void> {
  await ipBucketRefs(ip, now).current.set(
    { count: FieldValue.increment(1), expireAt: Timestamp.fromMillis(now + 2 * bucketMs) },
    { merge: true },
  );
}
