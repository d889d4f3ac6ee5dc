import { queryOptions, useQuery } from "@tanstack/react-query";
import { collection, getDocs, limit, orderBy, query } from "firebase/firestore/lite";
import { collections, type ActivityDoc } from "@dash2fa/shared";
import { db } from "@/lib/firestore";

/** How many events the Security page lists. */
export const ACTIVITY_SHOWN = 20;

export interface ActivityEvent extends ActivityDoc {
  id: string;
}

/** The latest security events, newest first; readable only after the second step. */
export async function getSecurityActivity(uid: string): Promise<ActivityEvent[]> {
  const snapshot = await getDocs(
    query(
      collection(db, collections.twoFactor, uid, collections.activity),
      orderBy("at", "desc"),
      limit(ACTIVITY_SHOWN),
    ),
  );
  return snapshot.docs.map((doc) => {
    const data = doc.data() as ActivityDoc;
    return {
      id: doc.id,
      type: data.type,
      at: data.at,
      ...(data.method ? { method: data.method } : {}),
      ...(data.browser ? { browser: data.browser } : {}),
      ...(data.name ? { name: data.name } : {}),
    };
  });
}

export function securityActivityQueryOptions(uid: string) {
  return queryOptions({
    queryKey: ["securityActivity", uid],
    queryFn: () => getSecurityActivity(uid),
  });
}

export function useSecurityActivity(uid: string) {
  return useQuery(securityActivityQueryOptions(uid));
}
