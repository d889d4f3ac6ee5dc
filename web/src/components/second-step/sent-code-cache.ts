import { z } from "zod";
import {
  deliveredMethodSchema,
  purposeSchema,
  type DeliveredMethod,
  type SendVerificationCodeResult,
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
