import { useId } from "react";
import { localeSchema, supportedLocales } from "@dash2fa/shared";
import { chooseLocale } from "@/lib/account-locale";
import { localeName, useLocale, useT } from "@/lib/i18n";
import { useSession } from "@/lib/session";

/**
 * The UI language, in the header of every page. Each option is in its own language
 * ("English", "ქართული") so a reader finds theirs whatever the page is in now.
 */
export function LanguageSwitcher() {
  const t = useT();
  const locale = useLocale();
  const session = useSession();
  const id = useId();

  return (
    <div className="language-switcher">
      <label htmlFor={id}>{t("language.label")}</label>
      <select
        id={id}
        value={locale}
        onChange={(event) => {
          const chosen = localeSchema.safeParse(event.target.value);
          if (!chosen.success) return;
          chooseLocale(chosen.data, session.status === "signed-in" ? session.user.uid : undefined);
        }}
      >
        {supportedLocales.map((option) => (
          <option key={option} value={option} lang={option}>
            {localeName(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
