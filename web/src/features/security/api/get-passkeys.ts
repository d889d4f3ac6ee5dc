import { queryOptions, useQuery } from "@tanstack/react-query";
import { collection, getDocs } from "firebase/firestore/lite";
import { collections, type PasskeyDoc } from "@dash2fa/shared";
import { db } from "@/lib/firestore";

export interface Passkey extends PasskeyDoc {
  id: string;
}

/** The user's registered keys, oldest first; readable only after the second step. */
export async function getPasskeys(uid: string): Promise<Passkey[]> {
  const snapshot = await getDocs(collection(db, collections.twoFactor, uid, collections.passkeys));
  return snapshot.docs
    .map((doc) => {
      const data = doc.data() as PasskeyDoc;
      return {
        id: doc.id,
        name: data.name,
        createdAt: data.createdAt,
        ...(data.lastUsedAt !== undefined ? { lastUsedAt: data.lastUsedAt } : {}),
        ...(data.attachment ? { attachment: data.attachment } : {}),
      };
    })
    .sort((a, b) => a.createdAt - b.createdAt);
}

export function passkeysQueryOptions(uid: string) {
  return queryOptions({
    queryKey: ["passkeys", uid],
    queryFn: () => getPasskeys(uid),
  });
}

export function usePasskeys(uid: string, enabled = true) {
  return useQuery({ ...passkeysQueryOptions(uid), enabled });
}
