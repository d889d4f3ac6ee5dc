import { HttpsError, onCall, type CallableRequest } from "firebase-functions/v2/https";
import { reportingOperations } from "./emulator/op-count.js";
import { callableOptionsWith, isEmulator, type CallableSettings } from "./runtime.js";
import { requireLiveSession } from "./security/session.js";

type Handler<Result> = (request: CallableRequest) => Promise<Result>;

/**
 * Every callable is declared through here, so the options they share (region, secrets,
 * App Check) and anything wrapped around each call live in one place: a caller whose
 * session has ended is refused here, before any handler runs. A callable may add
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
  const live = refuseEndedSession(handler);
  const checked = options.consumeAppCheckToken === true ? refuseReplayedToken(live) : live;
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

/**
 * A token that names a session (`sid`, set by every second step) is only as good as that
 * session: signed out, ended from another session or past its limits, it gets nothing.
 */
function refuseEndedSession<Result>(handler: Handler<Result>): Handler<Result> {
  return async (request) => {
    if (request.auth) {
      await requireLiveSession(request.auth.uid, request.auth.token.sid, Date.now());
    }
    return handler(request);
  };
}
