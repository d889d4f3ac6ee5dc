import { useMutation } from "@tanstack/react-query";
import { httpsCallable } from "firebase/functions";
import { z } from "zod/mini";
import { functions } from "@/lib/firebase";

// Emulator-only like `devOutbox`, and outside the shared contract for the same reason.
const DEV_RESET_LIMITS_CALLABLE = "devResetLimits";

const resultSchema = z.object({ limits: z.number(), locks: z.number() });

/** How many send counters and code locks the reset deleted. */
export type ResetLimitsResult = z.infer<typeof resultSchema>;

/**
 * Forgets every account's send limits and every lock after wrong codes, in the emulator
 * (functions/src/emulator/reset-limits.ts).
 */
export async function resetLimits(): Promise<ResetLimitsResult> {
  const call = httpsCallable<Record<string, never>, unknown>(functions, DEV_RESET_LIMITS_CALLABLE);
  const { data } = await call({});
  return resultSchema.parse(data);
}

export function useResetLimits(options: { onMutate?: () => void; onSuccess?: () => void } = {}) {
  return useMutation({ mutationFn: resetLimits, retry: false, ...options });
}
