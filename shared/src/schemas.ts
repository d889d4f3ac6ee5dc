import { z } from "zod/mini";
import {
  passkeyPolicy,
  recoveryCodePolicy,
  supportedLocales,
  verificationPolicy,
} from "./config.js";

/**
 * Input schemas shared by the web forms and the callable functions, so both sides
 * refuse exactly the same input. Written with zod's functional API (`zod/mini`): the web
 * app downloads only the checks these schemas use, not zod's whole method-chaining API.
 */

/** Every second factor, in the order the Security page lists them. */
export const twoFactorMethods = ["email", "phone", "totp", "passkey"] as const;
export const methodSchema = z.enum(twoFactorMethods);
export type TwoFactorMethod = z.infer<typeof methodSchema>;

/** Methods whose code the server sends to a destination on file. */
export const deliveredMethods = ["email", "phone"] as const;
export const deliveredMethodSchema = z.enum(deliveredMethods);
export type DeliveredMethod = z.infer<typeof deliveredMethodSchema>;

/** Methods verified by typing a six-digit code: the sent ones and the authenticator app. */
export const codeMethods = ["email", "phone", "totp"] as const;
export const codeMethodSchema = z.enum(codeMethods);
export type CodeMethod = z.infer<typeof codeMethodSchema>;

/**
 * Strongest first, the order sign-in suggests methods in: a phishing-resistant passkey,
 * then the authenticator app (nothing travels), then SMS and email (NIST SP 800-63B-4
 * treats both as restricted or unfit out-of-band channels).
 */
export const methodsByStrength = ["passkey", "totp", "phone", "email"] as const;

/** Why a code is being sent: turning a method on, the sign-in second step, a re-check. */
export const verificationPurposes = ["enroll", "sign-in", "step-up"] as const;
export const purposeSchema = z.enum(verificationPurposes);
export type VerificationPurpose = z.infer<typeof purposeSchema>;

export const emailAddressSchema = z.pipe(
  z.pipe(z.string().check(z.trim(), z.maxLength(254)), z.email()),
  z.transform((email: string) => email.toLowerCase()),
);

/** Accepts what people paste ("123 456", "123-456") and yields the bare digits. */
export const verificationCodeSchema = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(32)),
    z.transform((raw: string) => raw.replace(/[\s-]/g, "")),
  ),
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^\\d{${verificationPolicy.codeLength}}$`),
        `Enter the ${verificationPolicy.codeLength}-digit code.`,
      ),
    ),
);

/** Crockford's base32 alphabet: no I, L, O, U, so codes survive being read aloud. */
export const RECOVERY_CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

export const recoveryCodeSchema = z.pipe(
  z.pipe(
    z.string().check(z.maxLength(64)),
    z.transform((raw: string) => raw.replace(/[\s-]/g, "").toUpperCase()),
  ),
  z
    .string()
    .check(
      z.regex(
        new RegExp(`^[${RECOVERY_CODE_ALPHABET}]{${recoveryCodePolicy.length}}$`),
        "Enter a recovery code as it was shown, e.g. ABCD-EFGH-JKMN-PQRS.",
      ),
    ),
);

const enrollEmail = z.strictObject({
  purpose: z.literal("enroll"),
  method: z.literal("email"),
  destination: emailAddressSchema,
});
/** Sign-in and step-up codes go to the destination already on file, never one sent in. */
const toEnabledMethod = z.strictObject({
  purpose: z.enum(["sign-in", "step-up"]),
  method: deliveredMethodSchema,
});

export const sendEmailCodeInputSchema = enrollEmail;
export const sendToEnabledMethodInputSchema = toEnabledMethod;
// The phone enrolment schema, and so the union every send is checked with, live in
// `@dash2fa/shared/phone` (phone-schemas.ts): libphonenumber's metadata is large, and
// only the phone form and the functions need it.

/**
 * A typed code. For email and phone it answers the code sent last; for the authenticator
 * app, `enroll` confirms the secret from `startTotpEnrollment` and the other purposes
 * check the enabled one.
 */
export const verifyCodeInputSchema = z.strictObject({
  purpose: purposeSchema,
  method: codeMethodSchema,
  code: verificationCodeSchema,
  /** Sign-in only: also remember this browser for 30 days. */
  rememberDevice: z.optional(z.boolean()),
});
export type VerifyCodeInput = z.input<typeof verifyCodeInputSchema>;

/** Which pending code's message to follow: the caller's own, for a purpose and method. */
export const deliveryStatusInputSchema = z.strictObject({
  purpose: purposeSchema,
  method: deliveredMethodSchema,
});
export type DeliveryStatusInput = z.input<typeof deliveryStatusInputSchema>;

export const useRecoveryCodeInputSchema = z.strictObject({
  purpose: z.enum(["sign-in", "step-up"]),
  code: recoveryCodeSchema,
  rememberDevice: z.optional(z.boolean()),
});
export type UseRecoveryCodeInput = z.input<typeof useRecoveryCodeInputSchema>;

export const disableMethodInputSchema = z.strictObject({ method: methodSchema });
export type DisableMethodInput = z.input<typeof disableMethodInputSchema>;

/** The method sign-in asks for first; the server also requires it to be enabled. */
export const setPreferredMethodInputSchema = z.strictObject({ method: methodSchema });
export type SetPreferredMethodInput = z.input<typeof setPreferredMethodInputSchema>;

export const emptyInputSchema = z.strictObject({});

/** Firestore reserves ids of the form `__…__`: such an id names no document of ours. */
const notReservedId = (id: string) => !/^__.*__$/.test(id);

const deviceIdSchema = z
  .string()
  .check(
    z.regex(/^[A-Za-z0-9_-]{16,64}$/, "Unknown device."),
    z.refine(notReservedId, "Unknown device."),
  );

export const rememberedDeviceInputSchema = z.strictObject({
  deviceId: deviceIdSchema,
  token: z.string().check(z.regex(/^[A-Za-z0-9_-]{43}$/, "Unknown device.")),
});
export type RememberedDeviceInput = z.input<typeof rememberedDeviceInputSchema>;

export const revokeDeviceInputSchema = z.strictObject({ deviceId: deviceIdSchema });
export type RevokeDeviceInput = z.input<typeof revokeDeviceInputSchema>;

/** `signOutSession`: one session of the caller's account, by its id (its own included). */
export const signOutSessionInputSchema = z.strictObject({
  sessionId: z
    .string()
    .check(
      z.regex(/^[A-Za-z0-9_-]{16,64}$/, "Unknown session."),
      z.refine(notReservedId, "Unknown session."),
    ),
});
export type SignOutSessionInput = z.input<typeof signOutSessionInputSchema>;

/** WebAuthn binary fields travel as unpadded base64url. */
const base64url = (maxLength: number) =>
  z
    .string()
    .check(z.minLength(1), z.maxLength(maxLength), z.regex(/^[A-Za-z0-9_-]+$/, "Not base64url."));

// The Firebase callable protocol encodes `undefined` as `null`, so optional fields of a
// browser answer may arrive as null; both mean "absent".
const absentAsUndefined = <T extends z.ZodMiniType>(schema: T) =>
  z.pipe(
    z.nullish(schema),
    z.transform((value: z.output<T> | null | undefined) => value ?? undefined),
  );

const clientExtensionResults = z._default(z.record(z.string(), z.unknown()), {});
const authenticatorAttachment = absentAsUndefined(z.enum(["platform", "cross-platform"]));

/** What `navigator.credentials.create()` returns, as SimpleWebAuthn's browser side sends it. */
export const registrationResponseSchema = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096),
    attestationObject: base64url(32_768),
    transports: absentAsUndefined(
      z.array(z.string().check(z.maxLength(32))).check(z.maxLength(10)),
    ),
  }),
  authenticatorAttachment,
  clientExtensionResults,
});

/** What `navigator.credentials.get()` returns, as SimpleWebAuthn's browser side sends it. */
export const authenticationResponseSchema = z.object({
  id: base64url(1400),
  rawId: base64url(1400),
  type: z.literal("public-key"),
  response: z.object({
    clientDataJSON: base64url(4096),
    authenticatorData: base64url(4096),
    signature: base64url(1024),
    userHandle: absentAsUndefined(base64url(256)),
  }),
  authenticatorAttachment,
  clientExtensionResults,
});

export const passkeyNameSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(1, "Give the key a name."),
    z.maxLength(
      passkeyPolicy.nameMaxLength,
      `Use at most ${passkeyPolicy.nameMaxLength} characters.`,
    ),
  );

/** A key's document id: the SHA-256 of its credential id, base64url. */
export const passkeyIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, "Unknown key."), z.refine(notReservedId, "Unknown key."));

export const finishPasskeyRegistrationInputSchema = z.strictObject({
  name: passkeyNameSchema,
  response: registrationResponseSchema,
});
export type FinishPasskeyRegistrationInput = z.input<typeof finishPasskeyRegistrationInputSchema>;

export const startPasskeyVerificationInputSchema = z.strictObject({
  purpose: z.enum(["sign-in", "step-up"]),
});
export type StartPasskeyVerificationInput = z.input<typeof startPasskeyVerificationInputSchema>;

export const finishPasskeyVerificationInputSchema = z.strictObject({
  purpose: z.enum(["sign-in", "step-up"]),
  response: authenticationResponseSchema,
  /** Sign-in only: also remember this browser for 30 days. */
  rememberDevice: z.optional(z.boolean()),
});
export type FinishPasskeyVerificationInput = z.input<typeof finishPasskeyVerificationInputSchema>;

export const renamePasskeyInputSchema = z.strictObject({
  passkeyId: passkeyIdSchema,
  name: passkeyNameSchema,
});
export type RenamePasskeyInput = z.input<typeof renamePasskeyInputSchema>;

export const removePasskeyInputSchema = z.strictObject({ passkeyId: passkeyIdSchema });
export type RemovePasskeyInput = z.input<typeof removePasskeyInputSchema>;

/** A password's length, in characters: what the schema allows and the forms say. */
export const passwordLength = { min: 8, max: 128 } as const;

export const passwordSchema = z
  .string()
  .check(
    z.minLength(passwordLength.min, `Use at least ${passwordLength.min} characters.`),
    z.maxLength(passwordLength.max),
  );

export const credentialsSchema = z.object({
  email: emailAddressSchema,
  password: passwordSchema,
});

/**
 * `passwordProof`: an ID token from signing in with the current password moments ago, in
 * a throwaway Auth instance, so the session itself keeps its second-step claims.
 */
export const changePasswordInputSchema = z.strictObject({
  passwordProof: z.string().check(z.minLength(1), z.maxLength(8192)),
  newPassword: passwordSchema,
});
export type ChangePasswordInput = z.input<typeof changePasswordInputSchema>;

export const requestPasswordResetInputSchema = z.strictObject({ email: emailAddressSchema });
export type RequestPasswordResetInput = z.input<typeof requestPasswordResetInputSchema>;

/** The token from the emailed link: 32 random bytes, base64url. */
export const passwordResetTokenSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{43}$/, "This link is not valid. Ask for a new one."));

export const completePasswordResetInputSchema = z.strictObject({
  token: passwordResetTokenSchema,
  newPassword: passwordSchema,
});
export type CompletePasswordResetInput = z.input<typeof completePasswordResetInputSchema>;
export type Credentials = z.infer<typeof credentialsSchema>;

export const localeSchema = z.enum(supportedLocales);

/** The most characters a note may have once trimmed (the rules check the same). */
export const noteTextMaxLength = 500;

export const noteTextSchema = z
  .string()
  .check(z.trim(), z.minLength(1), z.maxLength(noteTextMaxLength));
