import { useSyncExternalStore } from "react";
import { onAuthStateChanged, type User } from "firebase/auth";
import { auth } from "@/lib/firebase";

/** The signed-in user as the whole app sees it; `loading` until Auth has restored it. */
export type Session =
  | { status: "loading" }
  | { status: "signed-out" }
  | { status: "signed-in"; user: User };

let current: Session = { status: "loading" };
const listeners = new Set<() => void>();

// One subscription for the app's lifetime; components read it through `useSession`.
onAuthStateChanged(auth, (user) => {
  current = user ? { status: "signed-in", user } : { status: "signed-out" };
  for (const listener of listeners) listener();
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

/** For components that only render behind `RequireAuth`. */
export function useSignedInUser(): User {
  const session = useSession();
  if (session.status !== "signed-in") {
    throw new Error("useSignedInUser is only for pages behind RequireAuth.");
  }
  return session.user;
}
