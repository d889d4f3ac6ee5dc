import { useEffect, useState } from "react";
import { useQuery, type UseQueryResult } from "@tanstack/react-query";
import type {
  DeliveryMirrorDoc,
  DeliveryState,
  DeliveryStatusInput,
  DeliveryStatusResult,
  SendVerificationCodeResult,
} from "@dash2fa/shared";
import { call, toRefusal } from "@/lib/firebase";

/** How often the fallback asks again about a message still on its way. */
export const DELIVERY_POLL_INTERVAL_MS = 1500;

/** Past these the message will not move any more: following it cannot change the answer. */
function isFinal(state: DeliveryState | undefined): boolean {
  return state === "delivered" || state === "failed";
}

/** A refusal (`no-active-code` above all) will not turn into an answer by asking again. */
function isRefusal(error: unknown): boolean {
  return toRefusal(error) !== undefined;
}

/** What the form needs of the delivery state: the answer so far, or why there is none. */
export type DeliveryStatus = Pick<UseQueryResult<DeliveryStatusResult>, "data" | "error">;

/**
 * The state a mirror gives the code that expires at `codeExpiresAt`: none written yet,
 * or one written for an earlier code (a resend replaced it), means still on its way.
 */
export function mirroredState(
  mirror: Pick<DeliveryMirrorDoc, "state" | "codeExpiresAt"> | undefined,
  codeExpiresAt: number,
): DeliveryState {
  return mirror?.codeExpiresAt === codeExpiresAt ? mirror.state : "sending";
}

/** What the listener has said about one code (`key`), or that it could not listen. */
type Heard = { key: string; state: DeliveryState } | { key: string; failed: true };

/**
 * Follows the message that carries one sent code while `enabled` (the form is open), by
 * listening to the owner's mirror of its delivery state: each change shows as soon as the
 * functions mirror it. The listener (and the realtime SDK it needs, loaded on first use)
 * stops once the state is "delivered" or "failed", when the code expires, when the form
 * closes, and when a resend gives a new code (whose `expiresAt` starts a new one). If it
 * cannot listen, it asks `getDeliveryStatus` instead, every 1.5 s as long as that could
 * change the answer. Without `input` and `sent` (an authenticator app code: nothing was
 * sent) it follows nothing.
 */
export function useDeliveryStatus(
  input: DeliveryStatusInput | undefined,
  sent: Pick<SendVerificationCodeResult, "expiresAt"> | undefined,
  enabled = true,
): DeliveryStatus {
  const purpose = input?.purpose;
  const method = input?.method;
  const expiresAt = sent?.expiresAt ?? 0;
  const active = enabled && purpose !== undefined && method !== undefined && sent !== undefined;
  const key = `${purpose}_${method}_${expiresAt}`;
  const [heard, setHeard] = useState<Heard>();

  useEffect(() => {
    if (!active || Date.now() >= expiresAt) return;
    let done = false;
    let unsubscribe: (() => void) | undefined;
    const stop = () => {
      done = true;
      window.clearTimeout(expiry);
      unsubscribe?.();
    };
    // Past its expiry the code cannot be used, so its delivery no longer matters.
    const expiry = window.setTimeout(stop, expiresAt - Date.now());
    const fail = () => {
      if (done) return;
      stop();
      setHeard({ key, failed: true });
    };
    import("@/lib/live-firestore").then(({ listenToDelivery }) => {
      if (done) return;
      unsubscribe = listenToDelivery(
        `${purpose}_${method}`,
        (mirror) => {
          if (done) return;
          const state = mirroredState(mirror, expiresAt);
          setHeard({ key, state });
          if (isFinal(state)) stop();
        },
        fail,
      );
      // Told a final state, or refused, before `unsubscribe` was known.
      if (done) unsubscribe();
    }, fail);
    return stop;
  }, [active, key, purpose, method, expiresAt]);

  const current = heard?.key === key ? heard : undefined;
  const listenerFailed = current !== undefined && "failed" in current;
  const fallback = useQuery({
    queryKey: ["verification", "deliveryStatus", purpose, method, expiresAt],
    queryFn: () => {
      if (!purpose || !method) throw new Error("No sent code to follow.");
      return call("getDeliveryStatus", { purpose, method });
    },
    enabled: active && listenerFailed,
    retry: (failureCount, error) => !isRefusal(error) && failureCount < 1,
    refetchInterval: (query) => {
      if (isFinal(query.state.data?.state)) return false;
      if (query.state.error && isRefusal(query.state.error)) return false;
      return Date.now() < expiresAt ? DELIVERY_POLL_INTERVAL_MS : false;
    },
  });

  if (listenerFailed) return { data: fallback.data, error: fallback.error };
  return {
    data: current && "state" in current ? { state: current.state } : undefined,
    error: null,
  };
}

/**
 * The state to show, or `undefined` for none: a refusal (no code pending any more) hides
 * the line silently, while a failed request keeps the last answer until the next one.
 */
export function shownDeliveryState(query: DeliveryStatus): DeliveryState | undefined {
  if (query.error && isRefusal(query.error)) return undefined;
  return query.data?.state;
}
