import { queryOptions, useQuery } from "@tanstack/react-query";
import { collection, getDocs, query, where } from "firebase/firestore/lite";
import { collections, sessionState, type SessionDoc } from "@dash2fa/shared";
import { db } from "@/lib/firestore";

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
