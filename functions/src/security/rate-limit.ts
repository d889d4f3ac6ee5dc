import { createHash } from "node:crypto";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import { DAY_MS, collections, sendLimits, type VerificationFailureDetails } from "@dash2fa/shared";
import { db } from "../admin.js";

/** Send times (epoch ms) within the last day, for one user, destination or IP. */
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

export const rateLimitRefs = (uid: string, destination: string, ip: string) => ({
  user: db.collection(collections.rateLimits).doc(`user_${uid}`),
  destination: db.collection(collections.rateLimits).doc(`dest_${hashKey(destination)}`),
  ip: db.collection(collections.rateLimits).doc(`ip_${hashKey(ip)}`),
});
export type RateLimitRefs = ReturnType<typeof rateLimitRefs>;

export interface SendCounters {
  user: number[];
  destination: number[];
  ip: number[];
}

/** Every limit a send must pass, tightest scope first; the first refusal wins. */
export function decideRateLimit(
  counters: SendCounters,
  now: number,
): VerificationFailureDetails | undefined {
  const checks: [VerificationFailureDetails["limit"], number[], Window][] = [
    ["user", counters.user, sendLimits.perUserShort],
    ["user", counters.user, sendLimits.perUserDaily],
    ["destination", counters.destination, sendLimits.perDestinationDaily],
    ["ip", counters.ip, sendLimits.perIp],
  ];
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

export function readSends(ref: { exists: boolean; data(): unknown }): number[] {
  return ref.exists ? ((ref.data() as RateLimitDoc).sends ?? []) : [];
}

export type { DocumentReference };
