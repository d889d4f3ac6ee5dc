import { queryOptions, useQuery } from "@tanstack/react-query";
import { collection, getDocs } from "firebase/firestore/lite";
import { collections, type RememberedDeviceDoc } from "@dash2fa/shared";
import { db } from "@/lib/firestore";

export interface RememberedDevice extends RememberedDeviceDoc {
  id: string;
}

/**
 * The user's remembered browsers still within their 30 days, most recently used first.
 * Readable only after the second step.
 */
export async function getRememberedDevices(
  uid: string,
  now = Date.now(),
): Promise<RememberedDevice[]> {
  const snapshot = await getDocs(collection(db, collections.twoFactor, uid, collections.devices));
  return snapshot.docs
    .map((doc) => {
      const data = doc.data() as RememberedDeviceDoc;
      return {
        id: doc.id,
        browser: data.browser,
        createdAt: data.createdAt,
        lastUsedAt: data.lastUsedAt,
        expiresAt: data.expiresAt,
        ...(data.sessionAt !== undefined ? { sessionAt: data.sessionAt } : {}),
      };
    })
    .filter((device) => device.expiresAt > now)
    .sort((a, b) => b.lastUsedAt - a.lastUsedAt);
}

export function rememberedDevicesQueryOptions(uid: string) {
  return queryOptions({
    queryKey: ["rememberedDevices", uid],
    queryFn: () => getRememberedDevices(uid),
  });
}

export function useRememberedDevices(uid: string) {
  return useQuery(rememberedDevicesQueryOptions(uid));
}
