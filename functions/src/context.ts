import type { CallableRequest } from "firebase-functions/v2/https";
import { parseSecondStepClaims, type SecondStepClaims } from "@dash2fa/shared";
import { requireUid } from "./errors.js";
import { isEmulator } from "./runtime.js";

/** What every callable knows about its caller, read once from the request. */
export interface CallContext {
  uid: string;
  /** Account email from the verified ID token, for notices. */
  email: string | undefined;
  claims: Partial<SecondStepClaims>;
  ip: string;
  browser: string;
  now: number;
}

/** What any caller, signed in or not, is known by: its address, its browser, the time. */
export type Caller = Pick<CallContext, "ip" | "browser" | "now">;

export function callerOf(request: CallableRequest): Caller {
  return {
    ip: clientAddress(
      request.rawRequest?.headers?.["x-forwarded-for"],
      request.rawRequest?.socket?.remoteAddress,
      trustedProxyHops(),
    ),
    browser: describeBrowser(request.rawRequest?.headers?.["user-agent"]),
    now: Date.now(),
  };
}

export function callContext(request: CallableRequest): CallContext {
  const uid = requireUid(request.auth);
  const token: Record<string, unknown> = request.auth?.token ?? {};
  const claims = parseSecondStepClaims(token);
  return {
    uid,
    email: typeof token.email === "string" ? token.email : undefined,
    claims,
    ...callerOf(request),
  };
}

/**
 * Proxies in front of the functions that append the address they saw to
 * `X-Forwarded-For`. In production that is Google's front end, whose entry is the last one
 * (docs/SECURITY.md); in the emulator there is none, and the header is whatever the
 * caller wrote.
 */
export const trustedProxyHops = (): number => (isEmulator() ? 0 : 1);

/**
 * The caller's address for per-IP limits: the entry the nearest trusted proxy appended to
 * `X-Forwarded-For`, never one the caller wrote (entries to its left, which Express's
 * `request.ip` would take), else the connection's own address.
 */
export function clientAddress(
  forwardedFor: string | string[] | undefined,
  socketAddress: string | undefined,
  hops: number,
): string {
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const entries = header
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const appended = hops > 0 ? entries[entries.length - hops] : undefined;
  return appended ?? socketAddress ?? "unknown";
}

/** "Chrome on Linux": enough to recognise a device in a list, nothing to fingerprint. */
export function describeBrowser(userAgent: string | string[] | undefined): string {
  const ua = Array.isArray(userAgent) ? (userAgent[0] ?? "") : (userAgent ?? "");
  const browser =
    [
      ["Edg/", "Edge"],
      ["OPR/", "Opera"],
      ["Firefox/", "Firefox"],
      ["Chrome/", "Chrome"],
      ["Safari/", "Safari"],
    ].find(([token]) => ua.includes(token as string))?.[1] ?? "Browser";
  const os =
    [
      ["Android", "Android"],
      ["iPhone", "iOS"],
      ["iPad", "iPadOS"],
      ["Windows", "Windows"],
      ["Mac OS X", "macOS"],
      ["Linux", "Linux"],
    ].find(([token]) => ua.includes(token as string))?.[1] ?? "unknown system";
  return `${browser} on ${os}`;
}
