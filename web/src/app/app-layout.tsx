import { Link, NavLink, Outlet } from "react-router";
import type { User } from "firebase/auth";
import { LanguageSwitcher } from "@/components/language-switcher";
import { env } from "@/config/env";
import { paths } from "@/config/paths";
import { SignOutButton } from "@/features/auth/sign-out";
import { useAccountLocale } from "@/lib/account-locale";
import { useT } from "@/lib/i18n";
import { useSession, type SessionClaims } from "@/lib/session";
import { passedSecondStep, useTwoFactorStatus } from "@/lib/two-factor-status";

/** Whether this session has passed the second step; `undefined` while the status loads. */
function usePassedSecondStep(user: User, claims: SessionClaims): boolean | undefined {
  const status = useTwoFactorStatus(user.uid);
  return status.data ? passedSecondStep(status.data, claims) : undefined;
}

/** Links to protected pages, only once they can be opened (after the second step). */
function MainNav({ passed }: { passed: boolean | undefined }) {
  const t = useT();
  if (passed !== true) return null;
  return (
    <nav aria-label={t("app.navLabel")} className="main-nav">
      <NavLink to={paths.home} end>
        {t("app.navDashboard")}
      </NavLink>
      <NavLink to={paths.security}>{t("app.navSecurity")}</NavLink>
    </nav>
  );
}

/**
 * The navigation, the language and the account. Until the second step is passed the
 * account reads "Signing in as …" with "Cancel sign-in": nothing is signed in yet.
 */
function SignedInTools({ user, claims }: { user: User; claims: SessionClaims }) {
  const t = useT();
  const passed = usePassedSecondStep(user, claims);
  const signingIn = passed === false;
  return (
    <>
      <MainNav passed={passed} />
      <div className="header-tools">
        <LanguageSwitcher />
        <div className="account">
          <span className="account-email">
            <span className="visually-hidden">
              {signingIn ? t("auth.signingInAs") : t("auth.signedInAs")}{" "}
            </span>
            {user.email}
          </span>
          <SignOutButton signingIn={signingIn} />
        </div>
      </div>
    </>
  );
}

export function AppLayout() {
  const t = useT();
  const session = useSession();
  useAccountLocale(session.status === "signed-in" ? session.user.uid : undefined);

  return (
    <>
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="app-header">
        {/* Not a link: "Dashboard" in the navigation already leads home. */}
        <span className="brand">{t("app.productName")}</span>
        {session.status === "signed-in" ? (
          <SignedInTools user={session.user} claims={session.claims} />
        ) : (
          <div className="header-tools">
            <LanguageSwitcher />
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      {env.emulators && (
        <footer className="app-footer">
          <nav aria-label={t("app.footerLabel")}>
            <Link to={paths.devOutbox}>{t("app.devOutboxLink")}</Link>
          </nav>
        </footer>
      )}
    </>
  );
}
