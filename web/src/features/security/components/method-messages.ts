import type { CodeMethod, TwoFactorMethod } from "@dash2fa/shared";
import type { useT } from "@/lib/i18n";

type Translate = ReturnType<typeof useT>;

/**
 * What the Security page says once a method is on. Only the method that turned two-factor
 * authentication on gets the product's own sentence ("…successfully activated."); a
 * later one was added to it, and the message names it.
 */
export function methodEnabledMessage(
  t: Translate,
  method: CodeMethod,
  turnedTwoFactorOn: boolean,
): string {
  return turnedTwoFactorOn ? t("security.activated") : t(`security.methodAdded.${method}`);
}

/** Once a key is added: its name, after the activation sentence if it was the first method. */
export function passkeyAddedMessage(
  t: Translate,
  name: string,
  turnedTwoFactorOn: boolean,
): string {
  const added = t("security.passkeys.added", { name });
  return turnedTwoFactorOn ? `${t("security.activated")} ${added}` : added;
}

/**
 * Once a key is removed: its name and, when it was the last key, what still protects the
 * account (`othersOn`, the other methods on) or that two-factor authentication is off.
 */
export function passkeyRemovedMessage(
  t: Translate,
  name: string,
  keysLeft: number,
  othersOn: readonly TwoFactorMethod[],
): string {
  const removed = t("security.passkeys.removed", { name });
  if (keysLeft > 0) return removed;
  return `${removed} ${stillProtectedOrOff(t, othersOn)}`;
}

/** What still protects the account, or that two-factor authentication is now off. */
function stillProtectedOrOff(t: Translate, remaining: readonly TwoFactorMethod[]): string {
  if (remaining.length === 0) return t("security.twoFactorOff");
  // A plain comma list: Georgian needs no conjunction, and the browser's Intl may lack it.
  const methods = remaining.map((other) => t(`methods.${other}`)).join(", ");
  return t("security.stillProtected", { methods });
}

/**
 * Once a method is off: which one, and either the methods that still protect the account
 * or that two-factor authentication is now off. `remaining` is the server's answer.
 */
export function methodDisabledMessage(
  t: Translate,
  method: TwoFactorMethod,
  remaining: readonly TwoFactorMethod[],
): string {
  return `${t(`security.methodDisabled.${method}`)} ${stillProtectedOrOff(t, remaining)}`;
}
