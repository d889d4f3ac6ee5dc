import {
  HOUR_MS,
  MINUTE_MS,
  sendLimits,
  type RefusalDetails,
  type TwoFactorMethod,
} from "@dash2fa/shared";
import { formatRetryTime } from "@/lib/format-time";
import { i18n } from "@/lib/i18n";

type Limit = NonNullable<RefusalDetails["limit"]>;

interface Window {
  max: number;
  windowMs: number;
}

/**
 * The window of `sendLimits` that refused. The server names the limit, not which of its
 * windows: an account has two, and the short one always ends within its own length, so a
 * later retry time means the daily one. (A daily refusal whose oldest send is about to
 * leave the day reads as the short one: rare, and its time is still right.) A refused
 * remembered-device sign-in is `limit: "user"` too, but is never shown.
 */
export function refusedWindow(limit: Limit, retryAt: number, now: number): Window {
  switch (limit) {
    case "user":
      return retryAt - now > sendLimits.perUserShort.windowMs
        ? sendLimits.perUserDaily
        : sendLimits.perUserShort;
    case "destination":
      return sendLimits.perDestinationDaily;
    case "ip":
      return sendLimits.perIp;
  }
}

/** "in 15 minutes", "in an hour", "in 24 hours". */
function describeWindow(windowMs: number): string {
  return windowMs % HOUR_MS === 0
    ? i18n.t("verify.rateLimit.window.hours", { count: windowMs / HOUR_MS })
    : i18n.t("verify.rateLimit.window.minutes", { count: Math.round(windowMs / MINUTE_MS) });
}

function describeDestination(method: TwoFactorMethod | undefined): string {
  if (method === "email") return i18n.t("verify.rateLimit.destinations.email");
  if (method === "phone") return i18n.t("verify.rateLimit.destinations.phone");
  return i18n.t("verify.rateLimit.destinations.any");
}

export interface RateLimitContext {
  now: number;
  /** Against the emulators, where the development outbox page can reset the limits. */
  emulators: boolean;
  /** Names the destination ("this phone number") when the caller knows it. */
  method?: TwoFactorMethod;
}

/**
 * A refused send that names its limit and when it ends: "You've asked for 5 codes in 15
 * minutes for this account. Try again at 16:45." (or to this address, or from this
 * network); against the emulators, with a pointer to the reset. `undefined` when the
 * refusal does not say which limit or until when, for the general sentence.
 */
export function describeRateLimit(
  failure: RefusalDetails,
  { now, emulators, method }: RateLimitContext,
): string | undefined {
  const { limit, retryAt } = failure;
  if (limit === undefined || retryAt === undefined) return undefined;
  const { t } = i18n;
  const { max, windowMs } = refusedWindow(limit, retryAt, now);
  const values = {
    count: max,
    window: describeWindow(windowMs),
    time: formatRetryTime(retryAt, now),
  };
  let sentence: string;
  switch (limit) {
    case "user":
      sentence = t("verify.rateLimit.user", values);
      break;
    case "destination":
      sentence = t("verify.rateLimit.destination", {
        ...values,
        destination: describeDestination(method),
      });
      break;
    case "ip":
      sentence = t("verify.rateLimit.ip", values);
      break;
  }
  return emulators ? `${sentence} ${t("verify.rateLimit.emulatorHint")}` : sentence;
}
