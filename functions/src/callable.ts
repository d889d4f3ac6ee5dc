import { HttpsError, onCall, type CallableRequest } from "firebase-functions/v2/https";
import { reportingOperations } from "./emulator/op-count.js";
import { callableOptionsWith, isEmulator, type CallableSettings } from "./runtime.js";

type Handler<Result> = (request: CallableRequest) => Promise<Result>;

/**
 * Every callable is declared through here, so the options they share (region, secrets,
 * App Check) and anything wrapped around each call live in one place. A callable may add
 * its own settings first, as `onCall` takes its options:
 * `callable({ consumeAppCheckToken: true }, handler)`. In the emulator only, each call
 * also reports its Firestore reads and writes in a response header
 * (`emulator/op-count.ts`); a deployed function runs the handler as written.
 */
export function callable<Result>(
  ...args: [handler: Handler<Result>] | [settings: CallableSettings, handler: Handler<Result>]
) {
  const [settings, handler] = args.length === 1 ? [{}, args[0]] : args;
  const options = callableOptionsWith(settings);
  const checked = options.consumeAppCheckToken === true ? refuseReplayedToken(handler) : handler;
  return onCall(options, isEmulator() ? reportingOperations(checked) : checked);
}

/**
 * The SDK does not refuse a token that was already consumed; it passes the request on
 * with `app.alreadyConsumed` set. A replay is refused here, before the handler runs, with
 * the code the SDK itself uses for a missing or invalid App Check token.
 */
function refuseReplayedToken<Result>(handler: Handler<Result>): Handler<Result> {
  return async (request) => {
    if (request.app?.alreadyConsumed === true) {
      throw new HttpsError("unauthenticated", "This request was already used.");
    }
    return handler(request);
  };
}
