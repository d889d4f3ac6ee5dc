import { queryOptions, useQuery } from "@tanstack/react-query";
import { doc, getDoc } from "firebase/firestore/lite";
import { collections, type TwoFactorStatusDoc } from "@dash2fa/shared";
import { db } from "@/lib/firebase";

/** Until a method is first enabled there is no document: every method is off. */
const noMethods: TwoFactorStatusDoc = { methods: {} };

/** The signed-in user's own 2FA status; only functions write it, so it is trusted as is. */
export async function getTwoFactorStatus(uid: string): Promise<TwoFactorStatusDoc> {
  const snapshot = await getDoc(doc(db, collections.twoFactor, uid));
  return snapshot.exists() ? (snapshot.data() as TwoFactorStatusDoc) : noMethods;
}

export function twoFactorStatusQueryOptions(uid: string) {
  return queryOptions({
    queryKey: ["twoFactorStatus", uid],
    queryFn: () => getTwoFactorStatus(uid),
  });
}

export function useTwoFactorStatus(uid: string) {
  return useQuery(twoFactorStatusQueryOptions(uid));
}
