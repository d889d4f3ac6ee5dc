import { onCall, type CallableRequest } from "firebase-functions/v2/https";
import { reportingOperations } from "./emulator/op-count.js";
import { callableOptions, isEmulator } from "./runtime.js";

/**
 * Every callable is declared through here, so the options they share (region, secrets,
 * App Check) and anything wrapped around each call live in one place. In the emulator
 * only, each call also reports its Firestore reads and writes in a response header
 * (`emulator/op-count.ts`); a deployed function runs the handler as written.
 */
export function callable<Result>(handler: (request: CallableRequest) => Promise<Result>) {
  return onCall(callableOptions, isEmulator() ? reportingOperations(handler) : handler);
}
