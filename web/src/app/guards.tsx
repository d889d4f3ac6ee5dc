import { Navigate, Outlet, useLocation, type Location } from "react-router";
import { defaultSignedInPath, paths } from "@/config/paths";
import { messages } from "@/lib/messages";
import { useSession } from "@/lib/session";

/** Where RequireAuth was headed, so signing in can continue there. */
interface RedirectState {
  from?: Pick<Location, "pathname" | "search" | "hash">;
}

function PageLoading() {
  return (
    <p className="page-loading" role="status">
      {messages.app.loading}
    </p>
  );
}

/** Protected pages: nothing renders until a signed-in user is known. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <PageLoading />;
  if (session.status === "signed-out") {
    const state: RedirectState = { from: location };
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up: a signed-in user goes on to where they were headed. */
export function RedirectIfSignedIn() {
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <PageLoading />;
  if (session.status === "signed-in") {
    const from = (location.state as RedirectState | null)?.from;
    return <Navigate to={from ?? defaultSignedInPath} replace />;
  }
  return <Outlet />;
}
