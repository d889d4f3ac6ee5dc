import { Link, NavLink, Outlet } from "react-router";
import type { User } from "firebase/auth";
import { env } from "@/config/env";
import { paths } from "@/config/paths";
import { SignOutButton } from "@/features/auth";
import { messages } from "@/lib/messages";
import { useSession, type SessionClaims } from "@/lib/session";
import { passedSecondStep, useTwoFactorStatus } from "@/lib/two-factor-status";

const text = messages.app;

/** Links to protected pages, only once they can be opened (after the second step). */
function MainNav({ user, claims }: { user: User; claims: SessionClaims }) {
  const status = useTwoFactorStatus(user.uid);
  if (!status.data || !passedSecondStep(status.data, claims)) return null;
  return (
    <nav aria-label={text.navLabel} className="main-nav">
      <NavLink to={paths.home} end>
        {text.navDashboard}
      </NavLink>
      <NavLink to={paths.security}>{text.navSecurity}</NavLink>
    </nav>
  );
}

export function AppLayout() {
  const session = useSession();

  return (
    <>
      <a className="skip-link" href="#main">
        {text.skipToContent}
      </a>
      <header className="app-header">
        {/* Not a link: "Dashboard" in the navigation already leads home. */}
        <span className="brand">{text.productName}</span>
        {session.status === "signed-in" && (
          <>
            <MainNav user={session.user} claims={session.claims} />
            <div className="account">
              <span className="account-email">
                <span className="visually-hidden">{messages.auth.signedInAs} </span>
                {session.user.email}
              </span>
              <SignOutButton />
            </div>
          </>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
      {env.emulators && (
        <footer className="app-footer">
          <nav aria-label={text.footerLabel}>
            <Link to={paths.devOutbox}>{text.devOutboxLink}</Link>
          </nav>
        </footer>
      )}
    </>
  );
}
