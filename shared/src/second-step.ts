import type { SecondStepClaims, TwoFactorStatusDoc } from "./api.js";
import { methodsByStrength, twoFactorMethods, type TwoFactorMethod } from "./schemas.js";

/**
 * Whether a session has passed the second step: the rule `firestore.rules` applies, in
 * code, for the functions and the web app. A session without the `sessionAt` claim is a
 * password-only one and never passes, whatever `sessionsValidAfter` holds.
 */
export function passedSecondStep(
  status: Pick<TwoFactorStatusDoc, "required" | "sessionsValidAfter">,
  claims: Partial<SecondStepClaims>,
): boolean {
  return !status.required || (claims.sessionAt ?? -1) >= status.sessionsValidAfter;
}

/** The enabled methods, in the order the UI lists them. */
export function enabledMethods(status: Pick<TwoFactorStatusDoc, "methods">): TwoFactorMethod[] {
  return twoFactorMethods.filter((method) => status.methods[method]?.enabled === true);
}

/** The method sign-in suggests first: the strongest one enabled. */
export function suggestedMethod(
  status: Pick<TwoFactorStatusDoc, "methods">,
): TwoFactorMethod | undefined {
  return methodsByStrength.find((method) => status.methods[method]?.enabled === true);
}
