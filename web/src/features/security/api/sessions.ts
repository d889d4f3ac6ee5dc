import { queryOptions, useQuery } from "@tanstack/react-query";
import { collection, getDocs, query, where } from "firebase/firestore/lite";
import {
  collections,
  sessionState,
  signOutSessionInputSchema,
  type SessionDoc,
  type SignOutSessionInput,
  type SignOutSessionsResult,
} from "@dash2fa/shared";
import { callable, db } from "@/lib/firebase";

export interface SignedInSession extends SessionDoc {
  id: string;
}

/**
 * The account's sessions that still live, most recently seen first. Readable only after
 * the second step.
 */
export async function getSessions(uid: string, now = Date.now()): Promise<SignedInSession[]> {
  const snapshot = await getDocs(
    query(
      collection(db, collections.twoFactor, uid, collections.sessions),
      where("endedAt", "==", null),
    ),
  );
  return snapshot.docs
    .map((doc) => ({ id: doc.id, ...(doc.data() as SessionDoc) }))
    .filter((session) => sessionState(session, now).live)
    .sort((a, b) => b.lastSeenAt - a.lastSeenAt);
}

export function sessionsQueryOptions(uid: string) {
  return queryOptions({
    queryKey: ["sessions", uid],
    queryFn: () => getSessions(uid),
  });
}

export function useSessions(uid: string) {
  return useQuery(sessionsQueryOptions(uid));
}

const signOutSessionCall = callable<SignOutSessionInput, SignOutSessionsResult>("signOutSession");
const signOutOthersCall = callable<Record<string, never>, SignOutSessionsResult>(
  "signOutOtherSessions",
);

/** Ends another session of the account (step-up required). */
export function signOutSession(input: SignOutSessionInput): Promise<SignOutSessionsResult> {
  return signOutSessionCall(signOutSessionInputSchema.parse(input));
}

/** Ends every session of the account but this one (step-up required). */
export function signOutOtherSessions(): Promise<SignOutSessionsResult> {
  return signOutOthersCall({});
}
