import type {
  RememberedDeviceDoc,
  SecondStepClaims,
  SecondStepMeans,
  SessionDoc,
  SessionEndReason,
  TwoFactorStatusDoc,
} from "./api.js";
import { sessionPolicy } from "./config.js";
import { methodsByStrength, twoFactorMethods, type TwoFactorMethod } from "./schemas.js";

/**
 * Whether a session has passed the second step: the rule `firestore.rules` applies, in
 * code, for the functions and the web app. A session without the `sessionAt` and `sid`
 * claims is a password-only one and never passes, whatever `sessionsValidAfter` holds.
 * That its session document still lives is checked apart (`sessionState`): the rules and
 * the callables read it on every request.
 */
export function passedSecondStep(
  status: Pick<TwoFactorStatusDoc, "required" | "sessionsValidAfter">,
  claims: Partial<SecondStepClaims>,
): boolean {
  return (
    !status.required ||
    ((claims.sessionAt ?? -1) >= status.sessionsValidAfter && typeof claims.sid === "string")
  );
}

/** A session document read at `now`: usable, or why not. */
export type SessionState =
  { live: true } | { live: false; reason: SessionEndReason | "expired" | "idle" | "unknown" };

/**
 * Whether a remembered device may still skip the second step as far as the account's
 * settings go: a 2FA or password change (which moves `sessionsValidAfter`) ends every
 * device remembered before it, exactly as it ends sessions. The functions refuse such a
 * device; the Security page no longer lists it.
 */
export function deviceStillCounts(
  device: Pick<RememberedDeviceDoc, "createdAt" | "sessionAt">,
  status: Pick<TwoFactorStatusDoc, "sessionsValidAfter">,
): boolean {
  const generation = device.sessionAt ?? Math.floor(device.createdAt / 1000);
  return generation >= status.sessionsValidAfter;
}

/**
 * The rule every request of a session is held to (`firestore.rules` applies the same):
 * it exists, was not ended, and has reached neither its absolute nor its idle limit.
 */
export function sessionState(session: SessionDoc | undefined, now: number): SessionState {
  if (!session) return { live: false, reason: "unknown" };
  if (session.endedAt !== null) {
    return { live: false, reason: session.endedReason ?? "ended-elsewhere" };
  }
  if (now >= session.expiresAt) return { live: false, reason: "expired" };
  if (now >= session.idleExpiresAt) return { live: false, reason: "idle" };
  return { live: true };
}

/**
 * A session started at `now`, as stored, and the status's `sessionsLiveUntil` moved to
 * its end: what the transaction that starts a session writes, both in its one commit.
 */
export function newSession(
  now: number,
  start: Pick<SessionDoc, "browser" | "how" | "sessionAt" | "deviceId">,
  status: Pick<TwoFactorStatusDoc, "sessionsLiveUntil">,
): { session: SessionDoc; sessionsLiveUntil: number } {
  const expiresAt = now + sessionPolicy.absoluteLifetimeMs;
  const session: SessionDoc = {
    browser: start.browser,
    how: start.how,
    ...(start.deviceId ? { deviceId: start.deviceId } : {}),
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
    idleExpiresAt: Math.min(now + sessionPolicy.idleTimeoutMs, expiresAt),
    sessionAt: start.sessionAt,
    endedAt: null,
  };
  return { session, sessionsLiveUntil: Math.max(status.sessionsLiveUntil ?? 0, expiresAt) };
}

/** The enabled methods, in the order the UI lists them. */
export function enabledMethods(status: Pick<TwoFactorStatusDoc, "methods">): TwoFactorMethod[] {
  return twoFactorMethods.filter((method) => status.methods[method]?.enabled === true);
}

/** What sign-in needs to know to suggest a method. */
export type SuggestionInput = Pick<
  TwoFactorStatusDoc,
  "methods" | "preferredMethod" | "lastUsedMethod" | "emailBarredAfterReset"
>;

/**
 * The method sign-in suggests first, and why: the one the person chose on the Security
 * page (`preferred`); without a choice, the one they last passed the second step with
 * (`last-used`); otherwise the strongest enabled (`strongest`). A choice or a last use
 * counts only while its method is enabled, and email not while a reset by an emailed link
 * bars it from the second step.
 */
export function methodSuggestion(
  status: SuggestionInput,
): { method: TwoFactorMethod; why: "preferred" | "last-used" | "strongest" } | undefined {
  const usable = (method: TwoFactorMethod | undefined): method is TwoFactorMethod =>
    method !== undefined &&
    status.methods[method]?.enabled === true &&
    !(method === "email" && status.emailBarredAfterReset === true);
  if (usable(status.preferredMethod)) return { method: status.preferredMethod, why: "preferred" };
  if (usable(status.lastUsedMethod)) return { method: status.lastUsedMethod, why: "last-used" };
  const strongest = methodsByStrength.find((method) => status.methods[method]?.enabled === true);
  return strongest && { method: strongest, why: "strongest" };
}

/** The method sign-in suggests first (`methodSuggestion`). */
export function suggestedMethod(status: SuggestionInput): TwoFactorMethod | undefined {
  return methodSuggestion(status)?.method;
}

/** Every way a second step can be passed; a new one missing here fails to compile. */
const secondStepMeans: Record<SecondStepMeans, true> = {
  email: true,
  phone: true,
  totp: true,
  passkey: true,
  "recovery-code": true,
  device: true,
};

/**
 * The second-step claims of an ID token, as far as it carries them well-formed: the one
 * reading of a token for the functions (`callContext`) and the web app (`session.ts`).
 * A password-only session has none; anything malformed is left out, never guessed.
 */
export function parseSecondStepClaims(token: Record<string, unknown>): Partial<SecondStepClaims> {
  const claims: Partial<SecondStepClaims> = {};
  if (typeof token.mfa === "string" && Object.hasOwn(secondStepMeans, token.mfa)) {
    claims.mfa = token.mfa as SecondStepMeans;
  }
  if (typeof token.mfaAt === "number") claims.mfaAt = token.mfaAt;
  if (typeof token.sessionAt === "number") claims.sessionAt = token.sessionAt;
  if (typeof token.sid === "string") claims.sid = token.sid;
  return claims;
}
