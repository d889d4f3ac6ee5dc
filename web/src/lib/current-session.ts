import { useEffect } from "react";
import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import {
  SESSION_ACTIVITY_INTERVAL_MS,
  collections,
  sessionState,
  type SessionDoc,
  type SessionState,
} from "@dash2fa/shared";
import { call, toRefusal } from "@/lib/firebase";

// Whether this browser's session still lives: the rules and the callables refuse an ended
// one on its next request; this lets the app say so and send the person to sign in,
// instead of showing pages that can no longer load.

/**
 * This browser's own session record (the rules let a browser read the one its token
 * names, even once ended). Without a session id there is nothing to end: the session is
 * a password one, which the second step, not this, decides on.
 */
export async function getCurrentSession(
  uid: string,
  sessionId: string | undefined,
): Promise<SessionState> {
  if (sessionId === undefined) return { live: true };
  const { db, doc, getDoc } = await import("@/lib/firestore");
  const snapshot = await getDoc(
    doc(db, collections.twoFactor, uid, collections.sessions, sessionId),
  );
  return sessionState(snapshot.data() as SessionDoc | undefined, Date.now());
}

export function currentSessionQueryOptions(uid: string, sessionId: string | undefined) {
  return queryOptions({
    queryKey: ["currentSession", uid, sessionId ?? null],
    queryFn: () => getCurrentSession(uid, sessionId),
    // Asked again on every page change (`RequireSecondStep`): the answer is cheap and
    // another browser may have ended this session at any moment.
    staleTime: 0,
  });
}

export function useCurrentSession(uid: string, sessionId: string | undefined) {
  return useQuery(currentSessionQueryOptions(uid, sessionId));
}

/** Something was refused that an ended session would be refused: look again. */
export function recheckCurrentSession(queryClient: QueryClient, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  const refused =
    toRefusal(error)?.reason === "session-ended" ||
    code === "permission-denied" ||
    code === "firestore/permission-denied";
  if (refused) void queryClient.invalidateQueries({ queryKey: ["currentSession"] });
}

const touchedKey = (sessionId: string) => `dash2fa.sessionTouched.${sessionId}`;

function lastTouched(sessionId: string): number {
  return Number(localStorage.getItem(touchedKey(sessionId)) ?? 0) || 0;
}

/**
 * Tells the server this session is in use (its idle limit starts again) when the person
 * uses the page: on load and on a click or key press, at most once per
 * `SESSION_ACTIVITY_INTERVAL_MS` across this browser's tabs. A refusal means the session
 * ended: the guard is asked to look again.
 */
export function useSessionActivity(sessionId: string | undefined): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (sessionId === undefined) return;
    let inFlight = false;
    const touch = () => {
      const now = Date.now();
      if (inFlight || now - lastTouched(sessionId) < SESSION_ACTIVITY_INTERVAL_MS) return;
      inFlight = true;
      localStorage.setItem(touchedKey(sessionId), String(now));
      call("touchSession", {})
        .catch((error: unknown) => recheckCurrentSession(queryClient, error))
        .finally(() => {
          inFlight = false;
        });
    };
    touch();
    const events = ["pointerdown", "keydown"] as const;
    for (const event of events) window.addEventListener(event, touch, { passive: true });
    return () => {
      for (const event of events) window.removeEventListener(event, touch);
    };
  }, [sessionId, queryClient]);
}

const endedKey = "dash2fa.sessionEnded";

export type SessionEndedReason = Extract<SessionState, { live: false }>["reason"];

const endedReasons: readonly string[] = [
  "signed-out",
  "ended-elsewhere",
  "device-revoked",
  "account-changed",
  "expired",
  "idle",
  "unknown",
] satisfies SessionEndedReason[];

/** Why this browser's session ended, kept for the sign-in page to say. */
export function noteSessionEnded(reason: SessionEndedReason): void {
  sessionStorage.setItem(endedKey, reason);
}

export function sessionEndedNote(): SessionEndedReason | null {
  const reason = sessionStorage.getItem(endedKey);
  return reason !== null && endedReasons.includes(reason) ? (reason as SessionEndedReason) : null;
}

export function clearSessionEndedNote(): void {
  sessionStorage.removeItem(endedKey);
}
