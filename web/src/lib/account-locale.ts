import { useEffect } from "react";
import type { Locale } from "@dash2fa/shared";
import { changeLocale, currentLocale } from "@/lib/i18n";
import { getProfileLocale, saveProfileLocale } from "@/lib/user-profile";

// Bumped on every choice the user makes, so an account read that started earlier cannot
// undo a choice made while it was on its way.
let choices = 0;

/**
 * The user picked a language: it applies at once, is remembered on this browser and, when
 * signed in, saved to the account so emails and texts follow it too.
 */
export function chooseLocale(locale: Locale, uid: string | undefined): void {
  choices += 1;
  changeLocale(locale);
  // Best effort: if it fails, the next sign-in simply brings the previous choice back.
  if (uid) saveProfileLocale(uid, locale).catch(() => undefined);
}

/**
 * At sign-in, the account's saved language wins over this browser's; an account without
 * one gets this browser's, so its first emails are already in the language the user saw.
 */
export function useAccountLocale(uid: string | undefined): void {
  useEffect(() => {
    if (!uid) return;
    let active = true;
    const choicesBefore = choices;
    getProfileLocale(uid)
      .then((saved) => {
        if (!active || choices !== choicesBefore) return undefined;
        if (saved) {
          changeLocale(saved);
          return undefined;
        }
        return saveProfileLocale(uid, currentLocale());
      })
      // Offline or refused: the browser's choice stays, nothing is lost.
      .catch(() => undefined);
    return () => {
      active = false;
    };
  }, [uid]);
}
