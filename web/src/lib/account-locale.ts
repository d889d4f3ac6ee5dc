import { useEffect } from "react";
import type { Locale } from "@dash2fa/shared";
import { changeLocale, currentLocale } from "@/lib/i18n";
import { getProfileLocale, saveProfileLocale } from "@/lib/user-profile";

// Two languages, two jobs: the one chosen on this device is the language of its pages,
// before and after signing in; the account's (`users/{uid}`) is the language of its
// emails and texts, which reach the person wherever they are.

// Bumped on every choice the user makes, so an account read that started earlier cannot
// write over a choice made while it was on its way.
let choices = 0;

/**
 * The user picked a language: it applies at once, is remembered on this device and, when
 * signed in, saved to the account so emails and texts follow it too.
 */
export function chooseLocale(locale: Locale, uid: string | undefined): void {
  choices += 1;
  void changeLocale(locale);
  // Best effort: if it fails, the account keeps the language its emails already use.
  if (uid) saveProfileLocale(uid, locale).catch(() => undefined);
}

/**
 * At sign-in the page keeps this device's language, whatever the account's is. An
 * account without a language gets this device's, so its first emails are in the
 * language the user saw; an account with one keeps it (signing in on a borrowed
 * computer does not change where one's emails are written).
 */
export function useAccountLocale(uid: string | undefined): void {
  useEffect(() => {
    if (!uid) return;
    let active = true;
    const choicesBefore = choices;
    getProfileLocale(uid)
      .then((saved) => {
        if (!active || choices !== choicesBefore || saved) return undefined;
        return saveProfileLocale(uid, currentLocale());
      })
      // Offline or refused: nothing is lost, the next sign-in tries again.
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [uid]);
}
