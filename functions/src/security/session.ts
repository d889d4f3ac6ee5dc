import { getAuth } from "firebase-admin/auth";
import type { SecondStepClaims } from "@dash2fa/shared";

export const epochSeconds = (ms: number) => Math.floor(ms / 1000);

/**
 * The `sessionsValidAfter` a 2FA change made at `now` writes: the next whole second. The
 * rules compare whole seconds, so a session issued earlier in the same second as the
 * change (its `sessionAt` is that second) is refused too: none outlives a change.
 */
export const validAfterChange = (now: number): number => epochSeconds(now) + 1;

/**
 * The `sessionAt` of a session issued at `now` by a transaction that read the user's
 * status: never below its `sessionsValidAfter`, so a session issued after a change, in
 * the same second, still counts as after it. The transaction orders the two exactly.
 */
export const sessionAtFor = (now: number, status: { sessionsValidAfter: number }): number =>
  Math.max(epochSeconds(now), status.sessionsValidAfter);

/**
 * A custom token for the caller's own uid carrying the second-step claims. The client
 * signs in with it; the claims then ride on every ID token of that session, refreshes
 * included, and nothing a client can write may set them.
 */
export function mintSession(uid: string, claims: SecondStepClaims): Promise<string> {
  return getAuth().createCustomToken(uid, { ...claims });
}

/** Revokes every refresh token of the user: other browsers lose their session. */
export function endOtherSessions(uid: string): Promise<void> {
  return getAuth().revokeRefreshTokens(uid);
}
