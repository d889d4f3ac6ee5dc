import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut as firebaseSignOut } from "firebase/auth";
import { auth, call } from "@/lib/firebase";
import { getSession } from "@/lib/session";

/**
 * Signs this browser out. Its session is ended on the server first, so a copy of its
 * tokens is worth nothing either; if that call fails (offline), the browser signs out all
 * the same, and the session runs out at its idle limit.
 */
export async function signOut(): Promise<void> {
  const session = getSession();
  const sessionId = session.status === "signed-in" ? session.claims.sid : undefined;
  if (sessionId !== undefined) await call("signOutSession", { sessionId }).catch(() => undefined);
  await firebaseSignOut(auth);
}

export function useSignOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signOut,
    // Nothing read for this user may be shown to whoever signs in next.
    onSuccess: () => queryClient.clear(),
  });
}
