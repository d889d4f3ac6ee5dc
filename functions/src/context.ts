import type { CallableRequest } from "firebase-functions/v2/https";
import type { SecondStepClaims } from "@dash2fa/shared";
import { requireUid } from "./errors.js";

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

export function callContext(request: CallableRequest): CallContext {
  const uid = requireUid(request.auth);
  const token: Record<string, unknown> = request.auth?.token ?? {};
  const claims: Partial<SecondStepClaims> = {};
  if (typeof token.mfa === "string") claims.mfa = token.mfa as SecondStepClaims["mfa"];
  if (typeof token.mfaAt === "number") claims.mfaAt = token.mfaAt;
  if (typeof token.sessionAt === "number") claims.sessionAt = token.sessionAt;
  return {
    uid,
    email: typeof token.email === "string" ? token.email : undefined,
    claims,
    ip: request.rawRequest?.ip ?? "unknown",
    browser: describeBrowser(request.rawRequest?.headers?.["user-agent"]),
    now: Date.now(),
  };
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
