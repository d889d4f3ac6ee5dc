import type { Locale } from "@dash2fa/shared";
import { texts } from "./texts.js";

/** A message in the Twilio Send Message extension's `messages` document schema. */
export interface SmsDoc {
  to: string;
  body: string;
}

/**
 * Short, names the product, and ends with the WebOTP line (`@host #code`) so a browser
 * on the phone can offer to fill the code in.
 */
export function verificationSms(
  to: string,
  code: string,
  webHost: string,
  locale: Locale = "en",
): SmsDoc {
  return { to, body: `${texts[locale].code.sms(code)}\n\n@${webHost} #${code}` };
}
