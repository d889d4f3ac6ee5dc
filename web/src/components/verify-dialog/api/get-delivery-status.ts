import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type {
  DeliveryState,
  DeliveryStatusInput,
  DeliveryStatusResult,
  SendVerificationCodeResult,
} from "@dash2fa/shared";
import { call, toRefusal } from "@/lib/firebase";

/** How often a message still on its way is asked about again. */
export const DELIVERY_POLL_INTERVAL_MS = 1500;

/** Past these the message will not move any more: asking again cannot change the answer. */
function isFinal(state: DeliveryState | undefined): boolean {
  return state === "delivered" || state === "failed";
}

/** A refusal (`no-active-code` above all) will not turn into an answer by asking again. */
function isRefusal(error: unknown): boolean {
  return toRefusal(error) !== undefined;
}

/**
 * Follows the message that carries one sent code while `enabled` (the form is open):
 * every 1.5 s while it is "sending" or "sent", not at all once it is "delivered" or
 * "failed", refused, or the code has expired. The code's `expiresAt` is in the key, so a
 * new code (a resend) starts a new query and polling starts over. Without `input` and
 * `sent` (an authenticator app code: nothing was sent) it asks nothing.
 */
export function useDeliveryStatus(
  input: DeliveryStatusInput | undefined,
  sent: Pick<SendVerificationCodeResult, "expiresAt"> | undefined,
  enabled = true,
): UseQueryResult<DeliveryStatusResult> {
  const purpose = input?.purpose;
  const method = input?.method;
  const expiresAt = sent?.expiresAt ?? 0;
  return useQuery({
    queryKey: ["verification", "deliveryStatus", purpose, method, expiresAt],
    queryFn: () => {
      if (!purpose || !method) throw new Error("No sent code to follow.");
      return call("getDeliveryStatus", { purpose, method });
    },
    enabled: enabled && purpose !== undefined && method !== undefined && sent !== undefined,
    retry: (failureCount, error) => !isRefusal(error) && failureCount < 1,
    refetchInterval: (query) => {
      if (isFinal(query.state.data?.state)) return false;
      if (query.state.error && isRefusal(query.state.error)) return false;
      return Date.now() < expiresAt ? DELIVERY_POLL_INTERVAL_MS : false;
    },
  });
}

/**
 * The state to show, or `undefined` for none: a refusal (no code pending any more) hides
 * the line silently, while a failed request keeps the last answer until the next poll.
 */
export function shownDeliveryState(
  query: Pick<UseQueryResult<DeliveryStatusResult>, "data" | "error">,
): DeliveryState | undefined {
  if (query.error && isRefusal(query.error)) return undefined;
  return query.data?.state;
}
