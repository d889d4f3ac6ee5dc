import { z } from "zod";
import { verificationPolicy } from "./config.js";

/**
 * Input schemas shared by the web forms and the callable functions, so both sides
 * refuse exactly the same input.
 */

export const twoFactorMethods = ["email", "phone"] as const;
export const methodSchema = z.enum(twoFactorMethods);
export type TwoFactorMethod = z.infer<typeof methodSchema>;

/** Why a code is being sent; later purposes (sign-in, step-up) join this list. */
export const verificationPurposes = ["enroll"] as const;
export const purposeSchema = z.enum(verificationPurposes);
export type VerificationPurpose = z.infer<typeof purposeSchema>;

export const emailAddressSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((email) => email.toLowerCase());

/** Accepts what people paste ("123 456", "123-456") and yields the bare digits. */
export const verificationCodeSchema = z
  .string()
  .max(32)
  .transform((raw) => raw.replace(/[\s-]/g, ""))
  .pipe(
    z
      .string()
      .regex(
        new RegExp(`^\\d{${verificationPolicy.codeLength}}$`),
        `Enter the ${verificationPolicy.codeLength}-digit code.`,
      ),
  );

export const sendEmailCodeInputSchema = z.strictObject({
  purpose: purposeSchema,
  method: z.literal("email"),
  destination: emailAddressSchema,
});

/** One schema per method; the phone method joins this union when SMS exists. */
export const sendVerificationCodeInputSchema = z.discriminatedUnion("method", [
  sendEmailCodeInputSchema,
]);
export type SendVerificationCodeInput = z.input<typeof sendVerificationCodeInputSchema>;

export const verifyCodeInputSchema = z.strictObject({
  purpose: purposeSchema,
  method: methodSchema,
  code: verificationCodeSchema,
});
export type VerifyCodeInput = z.input<typeof verifyCodeInputSchema>;

export const credentialsSchema = z.object({
  email: emailAddressSchema,
  password: z.string().min(8, "Use at least 8 characters.").max(128),
});
export type Credentials = z.infer<typeof credentialsSchema>;
