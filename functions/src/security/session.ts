import { getAuth } from "firebase-admin/auth";
import { Timestamp, type Transaction } from "firebase-admin/firestore";
import {
  newSession,
  sessionState,
  type SecondStepClaims,
  type SecondStepMeans,
  type SessionDoc,
  type SessionEndReason,
  type TwoFactorStatusDoc,
} from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { recordActivity } from "./activity.js";
import { refs } from "./state.js";

export const epochSeconds = (ms: number) => Math.floor(ms / 1000);

/**
 * The `sessionAt` of a session issued at `now` by a transaction that read the user's
 * status: never below its `sessionsValidAfter`, so a session issued after a change, in
 * the same second, still counts as after it. The transaction orders the two exactly.
 */
export const sessionAtFor = (now: number, status: { sessionsValidAfter: number }): number =>
  Math.max(epochSeconds(now), status.sessionsValidAfter);

/**
 * The `sessionsValidAfter` a 2FA change made at `now` writes, in the transaction that read
 * `status`: one above any `sessionAt` issued before it. That is the next whole second,
 * or more: a session issued just after an earlier change in the same second was stamped
 * with that change's value, a second ahead of the clock, and must not outlive this one.
 */
export const validAfterChange = (now: number, status: { sessionsValidAfter: number }): number =>
  sessionAtFor(now, status) + 1;

/**
 * A custom token for the caller's own uid carrying the second-step claims. The client
 * signs in with it; the claims then ride on every ID token of that session, refreshes
 * included, and nothing a client can write may set them.
 */
export function mintSession(uid: string, claims: SecondStepClaims): Promise<string> {
  return getAuth().createCustomToken(uid, { ...claims });
}

/** A session as stored: the shared shape plus the time the TTL policy deletes it at. */
type StoredSession = SessionDoc & { expireAt: Timestamp };

/** A session the caller goes on in, and what its transaction must merge into the status. */
export interface ContinuedSession {
  id: string;
  /** For a session started now: the status's `sessionsLiveUntil`, moved to its end. */
  status: Pick<TwoFactorStatusDoc, "sessionsLiveUntil">;
}

/**
 * Records a new session inside the transaction that completed its second step (which
 * read `status`), and returns its id for the `sid` claim with the status fields that
 * transaction must write. It lives `sessionPolicy.absoluteLifetimeMs` at most and
 * `idleTimeoutMs` past its last use; the rules and every callable hold it to both.
 */
export function startSession(
  tx: Transaction,
  ctx: Pick<CallContext, "uid" | "browser">,
  now: number,
  start: { how: SecondStepMeans; sessionAt: number; deviceId?: string },
  status: Pick<TwoFactorStatusDoc, "sessionsLiveUntil">,
): ContinuedSession {
  const ref = refs.sessions(ctx.uid).doc();
  const { session, sessionsLiveUntil } = newSession(
    now,
    { ...start, browser: ctx.browser },
    status,
  );
  const stored: StoredSession = { ...session, expireAt: Timestamp.fromMillis(session.expiresAt) };
  tx.create(ref, stored);
  return { id: ref.id, status: { sessionsLiveUntil } };
}

/**
 * The session a change made by the caller continues in: its own, or, for the first
 * factor of an account (whose password session had none), one started now.
 */
export function continueSession(
  tx: Transaction,
  ctx: CallContext,
  now: number,
  start: { how: SecondStepMeans; sessionAt: number },
  status: Pick<TwoFactorStatusDoc, "sessionsLiveUntil">,
): ContinuedSession {
  const own = ctx.claims.sid;
  return own ? { id: own, status: {} } : startSession(tx, ctx, now, start, status);
}

/**
 * Whether any recorded session of the account may still be live, from the status a
 * transaction read: if not, a change ending the other sessions has none to read.
 */
export const sessionsMayLive = (
  status: Pick<TwoFactorStatusDoc, "sessionsLiveUntil">,
  now: number,
): boolean => status.sessionsLiveUntil === undefined || status.sessionsLiveUntil > now;

/** Session ids are Firestore auto-ids; anything else in a token names no session. */
const sessionIdPattern = /^[A-Za-z0-9]{20}$/;

/**
 * Refuses a caller whose token names a session that was signed out, ended elsewhere or
 * ran out: checked before every callable, so an ended session gets nothing from its next
 * request, whatever is left of its ID token's hour.
 */
export async function requireLiveSession(
  uid: string,
  sessionId: unknown,
  now: number,
): Promise<void> {
  if (sessionId === undefined) return;
  if (typeof sessionId !== "string" || !sessionIdPattern.test(sessionId)) {
    throw refusal({ reason: "session-ended" });
  }
  const snapshot = await refs.session(uid, sessionId).get();
  if (!sessionState(snapshot.data() as SessionDoc | undefined, now).live) {
    throw refusal({ reason: "session-ended" });
  }
}

/** Which of a user's live sessions to end. */
export interface SessionSelection {
  reason: SessionEndReason;
  /** The caller's own session, kept. */
  keep?: string;
  /** Only sessions issued before this `sessionAt` (a 2FA change's `sessionsValidAfter`). */
  issuedBefore?: number;
  /** Only sessions started by these remembered devices. */
  deviceIds?: ReadonlySet<string>;
}

/**
 * Ends the user's live sessions that match, inside the caller's transaction (which must
 * do its other reads first). Returns what each one was, for the activity log.
 */
export async function endSessionsIn(
  tx: Transaction,
  uid: string,
  now: number,
  { reason, keep, issuedBefore, deviceIds }: SessionSelection,
): Promise<SessionDoc[]> {
  const live = await tx.get(refs.sessions(uid).where("endedAt", "==", null));
  const ending = live.docs.filter((snap) => {
    const session = snap.data() as SessionDoc;
    return (
      snap.id !== keep &&
      (issuedBefore === undefined || session.sessionAt < issuedBefore) &&
      (deviceIds === undefined ||
        (session.deviceId !== undefined && deviceIds.has(session.deviceId)))
    );
  });
  for (const snap of ending) tx.update(snap.ref, { endedAt: now, endedReason: reason });
  return ending.map((snap) => snap.data() as SessionDoc);
}

/**
 * After a 2FA or password change: every other session ends. Refresh tokens are revoked
 * (a browser mid-sign-in must enter the password again) and the session documents of
 * the sessions issued before the change are marked ended, so the list says so.
 */
export async function endOtherSessions(
  uid: string,
  selection: Omit<SessionSelection, "reason" | "deviceIds"> = {},
  /**
   * False when the change's transaction saw no recorded session that could still be live
   * (`sessionsMayLive`): the refresh tokens are revoked, and there is nothing to read.
   */
  { recorded = true }: { recorded?: boolean } = {},
): Promise<void> {
  await Promise.all([
    getAuth().revokeRefreshTokens(uid),
    recorded
      ? transaction((tx) =>
          endSessionsIn(tx, uid, Date.now(), { reason: "account-changed", ...selection }),
        )
      : undefined,
  ]);
}

/**
 * After a 2FA or password change made from the caller's session (`claims`, re-issued with
 * `sessionAt` at the change's `sessionsValidAfter`): every other session issued before
 * the change ends, and the caller's goes on. The ending keeps the session the token
 * names, so the token is minted beside it. Returns the token.
 */
export async function keepSessionThroughChange(
  uid: string,
  claims: SecondStepClaims,
  ending: { recorded?: boolean } = {},
): Promise<string> {
  const [customToken] = await Promise.all([
    mintSession(uid, claims),
    endOtherSessions(uid, { keep: claims.sid, issuedBefore: claims.sessionAt }, ending),
  ]);
  return customToken;
}

/** Records in the activity log that these sessions were signed out. */
export function recordSessionsEnded(
  tx: Transaction,
  uid: string,
  now: number,
  ended: readonly SessionDoc[],
): void {
  for (const session of ended) {
    recordActivity(tx, uid, { type: "session-ended", at: now, browser: session.browser });
  }
}
