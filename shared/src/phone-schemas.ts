import { z } from "zod/mini";
import { normalizePhone } from "./phone.js";
import { sendEmailCodeInputSchema, sendToEnabledMethodInputSchema } from "./schemas.js";

/**
 * `@dash2fa/shared/phone`: phone numbers and the schemas that need them. Kept out of the
 * package root because libphonenumber's metadata is the largest thing the web app could
 * download; only the phone form (loaded when it opens) and the functions import it.
 */
export * from "./phone.js";

const phoneMessages = {
  invalid: "Enter a valid mobile number.",
  "not-mobile": "Enter a mobile number: this one cannot receive text messages.",
  "country-not-allowed": "Text messages cannot be sent to this country yet.",
} as const;

/**
 * A mobile number in any common notation, normalised to E.164. Numbers without a
 * country code are read as Georgian; the web form sends E.164 built from its country
 * selector, and the function checks it again with this same schema.
 */
export const phoneNumberSchema = z.pipe(
  z
    .string()
    .check(z.trim(), z.minLength(1, phoneMessages.invalid), z.maxLength(32, phoneMessages.invalid)),
  z.transform((raw: string, payload) => {
    const result = normalizePhone(raw);
    if (result.ok) return result.e164;
    payload.issues.push({ code: "custom", message: phoneMessages[result.problem], input: raw });
    return z.NEVER;
  }),
);

const enrollPhone = z.strictObject({
  purpose: z.literal("enroll"),
  method: z.literal("phone"),
  destination: phoneNumberSchema,
});

export const sendPhoneCodeInputSchema = enrollPhone;

/** Every send: enrolment by email or phone, or a code to a method already on file. */
export const sendVerificationCodeInputSchema = z.union([
  sendEmailCodeInputSchema,
  enrollPhone,
  sendToEnabledMethodInputSchema,
]);
export type SendVerificationCodeInput = z.input<typeof sendVerificationCodeInputSchema>;
