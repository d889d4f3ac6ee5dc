import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SetPreferredMethodInput, TwoFactorStatusDoc } from "@dash2fa/shared";
import { call } from "@/lib/firebase";
import { twoFactorStatusQueryOptions } from "@/lib/two-factor-status";

/** Records which enabled method sign-in asks for first (`setPreferredMethod`). */
export function setPreferredMethod(input: SetPreferredMethodInput) {
  return call("setPreferredMethod", input);
}

/**
 * Saves the choice, then shows it at once in the cached status and confirms it with what
 * the server stored. It changes no claims, so no session upgrade is needed.
 */
export function useSetPreferredMethod(uid: string) {
  const queryClient = useQueryClient();
  const { queryKey } = twoFactorStatusQueryOptions(uid);
  return useMutation({
    mutationFn: setPreferredMethod,
    onSuccess: ({ preferredMethod }) => {
      queryClient.setQueryData(
        queryKey,
        (previous): TwoFactorStatusDoc | undefined => previous && { ...previous, preferredMethod },
      );
      void queryClient.invalidateQueries({ queryKey });
    },
  });
}
