import {
  sessionPolicy,
  type SessionDoc,
  type SignOutSessionsResult,
  type TouchSessionResult,
} from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { authorizeChange, sessionIdOf } from "../security/policy.js";
import { endSessionsIn, recordSessionsEnded } from "../security/session.js";
import { readUserSecurity, refs } from "../security/state.js";

/**
 * The sessions of an account (SPEC, "Sessions"): the browser in use reports activity,
 * which keeps its session from the idle limit; a person signs out of one session, their
 * own without more ado or another after a step-up, or of every other one at once.
 * (`callable` has already refused a caller whose own session ended.)
 */

/** The browser in use: the session's idle limit starts again from now. */
export const touchSession = define("touchSession", async (_input, request) => {
  const ctx = callContext(request);
  const sessionId = sessionIdOf(ctx);
  return transaction(async (tx) => {
    const now = Date.now();
    const ref = refs.session(ctx.uid, sessionId);
    const session = (await tx.get(ref)).data() as SessionDoc | undefined;
    if (!session || session.endedAt !== null) throw refusal({ reason: "session-ended" });
    const idleExpiresAt = Math.min(now + sessionPolicy.idleTimeoutMs, session.expiresAt);
    tx.update(ref, { lastSeenAt: now, idleExpiresAt });
    return { idleExpiresAt, expiresAt: session.expiresAt } satisfies TouchSessionResult;
  });
});

/**
 * Ends one session. The caller's own is its sign-out and needs nothing more; any other
 * needs a fresh verification, so a stolen session cannot sign its owner out.
 */
export const signOutSession = define("signOutSession", async ({ sessionId }, request) => {
  const ctx = callContext(request);
  const own = sessionId === ctx.claims.sid;
  const ended = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    const ref = refs.session(ctx.uid, sessionId);
    const snapshot = await tx.get(ref);
    if (!own) authorizeChange("end-sessions", security, ctx);
    const session = snapshot.data() as SessionDoc | undefined;
    if (!session || session.endedAt !== null) return 0;
    tx.update(ref, { endedAt: now, endedReason: own ? "signed-out" : "ended-elsewhere" });
    if (!own) recordSessionsEnded(tx, ctx.uid, now, [session]);
    return 1;
  });
  return { ended } satisfies SignOutSessionsResult;
});

/** Ends every session of the account but the caller's (step-up required). */
export const signOutOtherSessions = define("signOutOtherSessions", async (_input, request) => {
  const ctx = callContext(request);
  const ended = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    authorizeChange("end-sessions", security, ctx);
    const keep = sessionIdOf(ctx);
    const sessions = await endSessionsIn(tx, ctx.uid, now, { reason: "ended-elsewhere", keep });
    recordSessionsEnded(tx, ctx.uid, now, sessions);
    return sessions.length;
  });
  return { ended } satisfies SignOutSessionsResult;
});
