import { useSyncExternalStore } from "react";
import { onIdTokenChanged, signInWithCustomToken, type User } from "firebase/auth";
import { STEP_UP_WINDOW_MS, parseSecondStepClaims, type SecondStepClaims } from "@dash2fa/shared";
import { auth } from "@/lib/firebase";

/**
 * The second-step claims of the current ID token, as far as it carries them: a session
 * signed in with only a password has none, an upgraded one has all four.
 */
export type SessionClaims = Partial<SecondStepClaims>;

/** The signed-in user as the whole app sees it; `loading` until Auth has restored it. */
export type Session =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; user: User; claims: SessionClaims };

export type SignedInSession = Extract<Session, { status: "signed-in" }>;

let current: Session = { status: "loading" };
const listeners = new Set<() => void>();
// Reading claims is asynchronous: only the newest read may publish, so a slow read of an
// older token can never overwrite the claims of a session that was upgraded since.
let latestRead = 0;

function publish(session: Session) {
  current = session;
  for (const listener of listeners) listener();
}

/** Publishes the user with the claims of their current ID token; resolves once published. */
async function publishUser(user: User | null): Promise<Session> {
  const read = ++latestRead;
  if (!user) {
    publish({ status: "signed-out" });
    return current;
  }
  let claims: SessionClaims = {};
  try {
    claims = parseSecondStepClaims((await user.getIdTokenResult()).claims);
  } catch {
    // No token (offline, revoked): without claims the session counts as password-only,
    // which at worst asks for the second step again; the rules decide in any case.
  }
  if (read === latestRead) publish({ status: "signed-in", user, claims });
  return current;
}

// One subscription for the app's lifetime: sign-in, sign-out and every new ID token
// (refreshes and upgrades), so the claims the UI decides on are always the token's.
onIdTokenChanged(auth, (user) => {
  void publishUser(user);
});

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function getSnapshot(): Session {
  return current;
}

export function useSession(): Session {
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** The session right now, for code outside React (e.g. before a sensitive call). */
export function getSession(): Session {
  return current;
}

/** For components that only render behind `RequireAuth`. */
export function useSignedInSession(): SignedInSession {
  const session = useSession();
  if (session.status !== "signed-in") {
    throw new Error("useSignedInSession is only for pages behind RequireAuth.");
  }
  return session;
}

/** For components that only render behind `RequireAuth`. */
export function useSignedInUser(): User {
  return useSignedInSession().user;
}

/**
 * Signs this browser in with the custom token a successful verification returned (same
 * uid, new claims) and resolves once the app sees the new claims, so whatever the caller
 * does next (reading protected data, leaving the second-step page) already counts as
 * upgraded.
 */
export async function upgradeSession(customToken: string): Promise<SignedInSession> {
  const { user } = await signInWithCustomToken(auth, customToken);
  const session = await publishUser(user);
  if (session.status !== "signed-in") throw new Error("The session ended while upgrading.");
  return session;
}

/**
 * Whether the last verification of this session is recent enough for a sensitive change
 * (the server's `requireRecentVerification`). Only a hint to ask for step-up before
 * calling: the server decides, and a `step-up-required` refusal is handled as well.
 */
export function hasRecentVerification(claims: SessionClaims, now = Date.now()): boolean {
  const verifiedAtMs = (claims.mfaAt ?? 0) * 1000;
  return verifiedAtMs > 0 && now - verifiedAtMs <= STEP_UP_WINDOW_MS;
}
