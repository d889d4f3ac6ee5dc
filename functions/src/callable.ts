import { onCall, type CallableRequest } from "firebase-functions/v2/https";
import { callableOptions } from "./runtime.js";

/**
 * Every callable is declared through here, so the options they share (region, secrets,
 * App Check) and anything wrapped around each call live in one place.
 */
export function callable<Result>(handler: (request: CallableRequest) => Promise<Result>) {
  return onCall(callableOptions, handler);
}
