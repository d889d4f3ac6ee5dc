import { useMutation, useQueryClient } from "@tanstack/react-query";
import { signOut as firebaseSignOut } from "firebase/auth";
import { auth } from "@/lib/firebase";

export async function signOut(): Promise<void> {
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
