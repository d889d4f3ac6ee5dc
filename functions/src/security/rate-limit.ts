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
export const userSendsRef = (uid: string) => limits().doc(`user_${uid}`);
export const destinationSendsRef = (method: DeliveredMethod, destination: string) =>
  limits().doc(`dest_${hashKey(destinationKey(method, destination))}`);

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
 *
 * One document per address holds the count of each bucket still in use (`windows`,
 * keyed by bucket number), so the check is one read; each send drops the buckets that
 * have left the window.
 */
const bucketMs = sendLimits.perIp.windowMs;

/** `rateLimits/ip_{hash}`: sends per bucket of `sendLimits.perIp.windowMs`. */
export interface IpLimitDoc {
  windows: Record<string, number>;
  /** TTL field: the document disappears two buckets after its last send. */
  expireAt: Timestamp;
}

export const ipLimitRef = (ip: string) => limits().doc(`ip_${hashKey(ip)}`);

/** Sends in the sliding window: all of this bucket, and the part of the last still in it. */
export function estimateIpSends(previous: number, current: number, now: number, start: number) {
  const elapsed = (now - start) / bucketMs;
  return previous * (1 - elapsed) + current;
}

/** What the check read, for the refusal and for counting the send that follows it. */
export interface IpCheck {
  ip: string;
  now: number;
  refusal?: RefusalDetails;
  /** Buckets the document still holds that have left the window. */
  stale: string[];
}

export async function checkIpLimit(ip: string, now: number): Promise<IpCheck> {
  const bucket = Math.floor(now / bucketMs);
  const start = bucket * bucketMs;
  const windows = ((await ipLimitRef(ip).get()).get("windows") ?? {}) as Record<string, unknown>;
  const count = (key: number) => Number(windows[String(key)] ?? 0) || 0;
  const stale = Object.keys(windows).filter((key) => !(Number(key) >= bucket - 1));
  const estimate = estimateIpSends(count(bucket - 1), count(bucket), now, start);
  if (estimate < sendLimits.perIp.max) return { ip, now, stale };
  return {
    ip,
    now,
    stale,
    refusal: { reason: "rate-limited", limit: "ip", retryAt: start + bucketMs },
  };
}

/** Counts one send in the bucket of the check, and drops the buckets it found stale. */
export async function countIpSend({ ip, now, stale }: IpCheck): Promise<void> {
  const bucket = Math.floor(now / bucketMs);
  await ipLimitRef(ip).set(
    {
      windows: {
        [String(bucket)]: FieldValue.increment(1),
        ...Object.fromEntries(stale.map((key) => [key, FieldValue.delete()])),
      },
      expireAt: Timestamp.fromMillis(now + 2 * bucketMs),
    },
    { merge: true },
  );
}
