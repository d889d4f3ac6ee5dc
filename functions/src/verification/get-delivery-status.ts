import { define } from "../callable.js";
import { type DeliveryState, type DeliveryStatusResult } from "@dash2fa/shared";
import { db } from "../admin.js";
import { callContext } from "../context.js";
import { refusal } from "../errors.js";
import { outboundCollection } from "../outbound/queue.js";

import { challengeId } from "./challenge.js";
import { challengeRef, readChallenge } from "./store.js";

/**
 * The extensions' `delivery` field, reduced to what a person needs to know. Twilio's
 * `info.status` tells "sent" (accepted by the network) from "delivered" (on the phone).
 */
export function deliveryState(delivery: unknown): DeliveryState {
  const { state, info } = (delivery ?? {}) as { state?: string; info?: { status?: string } };
  if (state === "ERROR") return "failed";
  if (state !== "SUCCESS") return "sending";
  if (info?.status === "failed" || info?.status === "undelivered") return "failed";
  if (info?.status === undefined || info.status === "delivered") return "delivered";
  return "sent";
}

/**
 * The live delivery state of the message carrying the caller's current code, read on the
 * server so clients never touch `mail` or `messages`, which hold codes.
 */
export const getDeliveryStatus = define("getDeliveryStatus", async (input, request) => {
  const ctx = callContext(request);
  const challenge = readChallenge(
    await challengeRef(challengeId(ctx.uid, input.purpose, input.method)).get(),
  );
  if (!challenge?.outboundId) throw refusal({ reason: "no-active-code" });
  const outbound = await db
    .collection(outboundCollection[input.method])
    .doc(challenge.outboundId)
    .get();
  return { state: deliveryState(outbound.get("delivery")) } satisfies DeliveryStatusResult;
});
