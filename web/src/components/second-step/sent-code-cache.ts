import { z } from "zod/mini";
import {
  deliveredMethodSchema,
  methodSchema,
  purposeSchema,
  type DeliveredMethod,
  type SendVerificationCodeResult,
  type TwoFactorMethod,
  type VerificationPurpose,
} from "@dash2fa/shared";

/**
 * The last code sent per account, purpose and method, for this tab only. Sending again
 * within the cooldown is refused, so a page reloaded (or a dialog reopened) right after a
 * send resumes the code already on its way instead of showing an error. Holds no secret:
 * only what the server told the client (masked destination, times).
 */
const key = (uid: string, purpose: VerificationPurpose, method: DeliveredMethod) =>
  `dash2fa.sentCode.${uid}.${purpose}.${method}`;

const sentSchema = z.object({
  purpose: purposeSchema,
  method: deliveredMethodSchema,
  maskedDestination: z.string(),
  expiresAt: z.number(),
  resendAvailableAt: z.number(),
  attemptsLeft: z.number(),
});

function storage(): Storage | undefined {
  try {
    return window.sessionStorage;
  } catch {
    return undefined;
  }
}

export function rememberSentCode(uid: string, sent: SendVerificationCodeResult): void {
  try {
    storage()?.setItem(key(uid, sent.purpose, sent.method), JSON.stringify(sent));
  } catch {
    // Nothing is lost but the convenience.
  }
}

/** The code sent last, if it can still be used. */
export function recallSentCode(
  uid: string,
  purpose: VerificationPurpose,
  method: DeliveredMethod,
  now = Date.now(),
): SendVerificationCodeResult | undefined {
  const raw = storage()?.getItem(key(uid, purpose, method));
  if (!raw) return undefined;
  try {
    const parsed = sentSchema.safeParse(JSON.parse(raw));
    return parsed.success && parsed.data.expiresAt > now ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** A verified code is spent: never resume it. */
export function forgetSentCode(
  uid: string,
  purpose: VerificationPurpose,
  method: DeliveredMethod,
): void {
  storage()?.removeItem(key(uid, purpose, method));
}

const chosenKey = (uid: string, purpose: VerificationPurpose) =>
  `dash2fa.chosenMethod.${uid}.${purpose}`;

/**
 * The method on screen in the second step or a step-up, for this tab: a reload resumes
 * it rather than falling back to the suggested one (where a code meant for the chosen
 * method would be typed, and spend an attempt).
 */
export function rememberChosenMethod(
  uid: string,
  purpose: VerificationPurpose,
  method: TwoFactorMethod,
): void {
  try {
    storage()?.setItem(chosenKey(uid, purpose), method);
  } catch {
    // Nothing is lost but the convenience.
  }
}

export function recallChosenMethod(
  uid: string,
  purpose: VerificationPurpose,
): TwoFactorMethod | undefined {
  const parsed = methodSchema.safeParse(storage()?.getItem(chosenKey(uid, purpose)));
  return parsed.success ? parsed.data : undefined;
}

/** Verified: the next second step starts from the suggested method again. */
export function forgetChosenMethod(uid: string, purpose: VerificationPurpose): void {
  storage()?.removeItem(chosenKey(uid, purpose));
}
