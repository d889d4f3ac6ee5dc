import type { Transaction } from "firebase-admin/firestore";
import type { RememberedDeviceToken } from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { recordActivity } from "./activity.js";
import { newDevice } from "./devices.js";
import { refs } from "./state.js";

/** Remembers the caller's browser inside the sign-in transaction; returns its token. */
export function rememberDevice(
  tx: Transaction,
  ctx: CallContext,
  now: number,
  sessionAt: number,
): RememberedDeviceToken {
  const device = newDevice(ctx.browser, now);
  tx.set(refs.device(ctx.uid, device.token.deviceId), { ...device.doc, sessionAt });
  recordActivity(tx, ctx.uid, { type: "device-remembered", at: now, browser: ctx.browser });
  return device.token;
}
