import { methodsByStrength, type TwoFactorMethod, type TwoFactorStatusDoc } from "@dash2fa/shared";

// No app imports: the ordering is tested on its own.

/**
 * The enabled methods in the order sign-in offers them: strongest first (a passkey, then
 * the authenticator app, then SMS and email), so the first is `suggestedMethod(status)`.
 */
export function methodsInOrderOffered(
  status: Pick<TwoFactorStatusDoc, "methods">,
): TwoFactorMethod[] {
  return methodsByStrength.filter((method) => status.methods[method]?.enabled === true);
}

/** What "Use another method" lists: every enabled method but the one on screen. */
export function otherMethods(
  status: Pick<TwoFactorStatusDoc, "methods">,
  current: TwoFactorMethod | undefined,
): TwoFactorMethod[] {
  return methodsInOrderOffered(status).filter((method) => method !== current);
}
