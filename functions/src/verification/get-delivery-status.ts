import { define } from "../callable.js";
import type { DeliveryStatusResult } from "@dash2fa/shared";
import { db } from "../admin.js";
import { callContext } from "../context.js";
import { refusal } from "../errors.js";
import { deliveryState } from "../outbound/delivery-mirror.js";
import { outboundCollection } from "../outbound/queue.js";

import { challengeId } from "./challenge.js";
import { challengeRef, readChallenge } from "./store.js";

/**
 * The delivery state of the message carrying the caller's current code, read on the
 * server so clients never touch `mail` or `messages`, which hold codes. The verify dialog
 * listens to the owner's mirror of it instead (`outbound/delivery-mirror.ts`) and asks
 * here only when it cannot listen.
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
