import type { QueryClient } from "@tanstack/react-query";
import { twoFactorStatusQueryOptions } from "@/lib/two-factor-status";
import { passkeysQueryOptions } from "./get-passkeys";
import { rememberedDevicesQueryOptions } from "./get-remembered-devices";
import { securityActivityQueryOptions } from "./get-security-activity";
import { sessionsQueryOptions } from "./sessions";

/**
 * After any 2FA change: the status, the devices, the keys, the sessions and the activity may
 * all have moved. Call it only once the session is upgraded, so the new status never meets old claims.
 */
export function invalidateSecurityQueries(queryClient: QueryClient, uid: string): Promise<void> {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: twoFactorStatusQueryOptions(uid).queryKey }),
    queryClient.invalidateQueries({ queryKey: rememberedDevicesQueryOptions(uid).queryKey }),
    queryClient.invalidateQueries({ queryKey: securityActivityQueryOptions(uid).queryKey }),
    queryClient.invalidateQueries({ queryKey: passkeysQueryOptions(uid).queryKey }),
    queryClient.invalidateQueries({ queryKey: sessionsQueryOptions(uid).queryKey }),
  ]).then(() => undefined);
}
