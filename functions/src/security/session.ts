import { getAuth } from "firebase-admin/auth";
import type { SecondStepClaims } from "@dash2fa/shared";

export const epochSeconds = (ms: number) => Math.floor(ms / 1000);

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
