import { Link, Outlet } from "react-router";
import { SignOutButton } from "@/features/auth";
import { paths } from "@/config/paths";
import { messages } from "@/lib/messages";
import { useSession } from "@/lib/session";

export function AppLayout() {
  const session = useSession();

  return (
    <>
      <a className="skip-link" href="#main">
        {messages.app.skipToContent}
      </a>
      <header className="app-header">
        <Link to={paths.home} className="brand">
          {messages.app.productName}
        </Link>
        {session.status === "signed-in" && (
          <div className="account">
            <span className="account-email">
              <span className="visually-hidden">{messages.auth.signedInAs} </span>
              {session.user.email}
            </span>
            <SignOutButton />
          </div>
        )}
      </header>
      <main id="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}
