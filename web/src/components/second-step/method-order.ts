import {
  methodsByStrength,
  suggestedMethod,
  type SuggestionInput,
  type TwoFactorMethod,
} from "@dash2fa/shared";

// No app imports: the ordering is tested on its own.

/**
 * The enabled methods in the order sign-in offers them: the suggested one first (the
 * person's choice on the Security page, else the one they used last, else the strongest:
 * `suggestedMethod`), then the rest strongest first (a passkey, the authenticator app,
 * SMS, email).
 */
export function methodsInOrderOffered(status: SuggestionInput): TwoFactorMethod[] {
  const suggested = suggestedMethod(status);
  const rest = methodsByStrength.filter(
    (method) => method !== suggested && status.methods[method]?.enabled === true,
  );
  return suggested ? [suggested, ...rest] : rest;
}

/** What "Use another method" lists: every enabled method but the one on screen. */
export function otherMethods(
  status: SuggestionInput,
  current: TwoFactorMethod | undefined,
): TwoFactorMethod[] {
  return methodsInOrderOffered(status).filter((method) => method !== current);
}
