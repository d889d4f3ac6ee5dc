import { queryOptions, useQuery } from "@tanstack/react-query";
import { collections, type TwoFactorStatusDoc } from "@dash2fa/shared";

// The status lives in lib rather than in a feature: the route guards, the second-step
// page and the Security page all decide on it, and features may not import each other.

/** Until a method is first enabled there is no document: every method is off. */
const noMethods: TwoFactorStatusDoc = {
  methods: {},
  required: false,
  sessionsValidAfter: 0,
  recoveryCodesRemaining: 0,
};

/**
 * The signed-in user's own 2FA status, readable before the second step; only functions
 * write it, so it is trusted as is (missing fields read as "off").
 */
export async function getTwoFactorStatus(uid: string): Promise<TwoFactorStatusDoc> {
  const { db, doc, getDoc } = await import("@/lib/firestore");
  const snapshot = await getDoc(doc(db, collections.twoFactor, uid));
  return snapshot.exists()
    ? { ...noMethods, ...(snapshot.data() as Partial<TwoFactorStatusDoc>) }
    : noMethods;
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

export { enabledMethods, passedSecondStep, suggestedMethod } from "@dash2fa/shared";
