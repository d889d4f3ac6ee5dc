import { Link, NavLink, Outlet, useMatch } from "react-router";
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

/**
 * What the header will hold on this page once the session and its status are known: the
 * navigation on the protected pages, "Cancel sign-in" on the second step. Until then it
 * keeps their places, so the page does not move down when they arrive.
 */
function useExpectedHeader(): { navigation: boolean; signingIn: boolean } {
  const home = useMatch({ path: paths.home, end: true });
  const security = useMatch(paths.security);
  const secondStep = useMatch(paths.secondStep);
  return { navigation: home !== null || security !== null, signingIn: secondStep !== null };
}

/** The navigation's place, kept while it is not known yet whether it will show. */
function NavPlaceholder() {
  return <div className="main-nav" aria-hidden="true" />;
}

/** The account's place (a line as tall as its address) while the session loads. */
function AccountPlaceholder() {
  return (
    <div className="account" aria-hidden="true">
      <span className="account-email">{"\u00a0"}</span>
    </div>
  );
}

/** The header before the session is known: what a signed-in page will have, kept empty. */
function LoadingTools() {
  const expected = useExpectedHeader();
  const signedInPage = expected.navigation || expected.signingIn;
  return (
    <>
      {expected.navigation && <NavPlaceholder />}
      <div className="header-tools">
        {signedInPage && <AccountPlaceholder />}
        <LanguageSwitcher />
      </div>
    </>
  );
}

/** Links to protected pages, only once they can be opened (after the second step). */
function MainNav({ passed, expected }: { passed: boolean | undefined; expected: boolean }) {
  const t = useT();
  if (passed === undefined && expected) return <NavPlaceholder />;
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
 * The navigation, the account and the language, last, so it keeps its place at the right
 * whether anyone is signed in or not. Until the second step is passed the account reads
 * "Signing in as …" with "Cancel sign-in": nothing is signed in yet.
 */
function SignedInTools({ user, claims }: { user: User; claims: SessionClaims }) {
  const t = useT();
  const passed = usePassedSecondStep(user, claims);
  const expected = useExpectedHeader();
  const signingIn = passed === false || (passed === undefined && expected.signingIn);
  return (
    <>
      <MainNav passed={passed} expected={expected.navigation} />
      <div className="header-tools">
        <div className="account">
          {/* Cut short with an ellipsis when narrow: the whole address is in its title. */}
          <span className="account-email" title={user.email ?? undefined}>
            <span className="visually-hidden">
              {signingIn ? t("auth.signingInAs") : t("auth.signedInAs")}{" "}
            </span>
            {user.email}
          </span>
          <SignOutButton signingIn={signingIn} />
        </div>
        <LanguageSwitcher />
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
        ) : session.status === "loading" ? (
          <LoadingTools />
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
