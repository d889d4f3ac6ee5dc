import { onDocumentUpdated } from "firebase-functions/v2/firestore";
import { FUNCTIONS_REGION, collections } from "@dash2fa/shared";
import { redactIfFinal } from "../hygiene/redact-delivered.js";
import { mirrorDelivery } from "./delivery-mirror.js";

/**
 * What follows each change of an outbound message, in one trigger per collection: its
 * delivery state copied to the owner's mirror, and once delivery is final its code
 * masked. One trigger rather than one per task halves the invocations each of a
 * message's updates sets off (an email is updated four times: pending, processing, its
 * final state, the redaction). The two touch different documents and run side by side.
 */
const followDelivery = (collection: string) =>
  onDocumentUpdated({ document: `${collection}/{id}`, region: FUNCTIONS_REGION }, async (event) => {
    const after = event.data?.after;
    if (!after?.exists) return;
    await Promise.all([
      mirrorDelivery(event.data?.before.data(), after.data(), Date.now()),
      redactIfFinal(after),
    ]);
  });

export const followMailDelivery = followDelivery(collections.mail);
export const followSmsDelivery = followDelivery(collections.messages);
