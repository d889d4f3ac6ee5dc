import { product } from "@dash2fa/shared";

/** A message in the Twilio Send Message extension's `messages` document schema. */
export interface SmsDoc {
  to: string;
  body: string;
}

/**
 * Short, names the product, and ends with the WebOTP line (`@host #code`) so a browser
 * on the phone can offer to fill the code in.
 */
export function verificationSms(to: string, code: string, webHost: string): SmsDoc {
  return { to, body: `${code} is your ${product.name} verification code.\n\n@${webHost} #${code}` };
}
