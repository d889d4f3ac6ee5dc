import { useEffect, useRef } from "react";
import { Navigate, Outlet, useLocation, type Location } from "react-router";
import { useQueryClient } from "@tanstack/react-query";
import {
  noteSessionEnded,
  useCurrentSession,
  useSessionActivity,
  type SessionEndedReason,
} from "@/lib/current-session";
import { auth } from "@/lib/firebase";
import { afterSignUpPath, defaultSignedInPath, paths } from "@/config/paths";
import { useT } from "@/lib/i18n";
import { useSession, useSignedInSession } from "@/lib/session";
import { passedSecondStep, useTwoFactorStatus } from "@/lib/two-factor-status";

/** Where a guard was headed, so signing in (or the second step) can continue there. */
interface RedirectState {
  from?: Pick<Location, "pathname" | "search" | "hash">;
}

function redirectTarget(location: Location): RedirectState["from"] | undefined {
  return (location.state as RedirectState | null)?.from;
}

export function PageLoading() {
  const t = useT();
  return (
    <p className="page-loading" role="status">
      {t("app.loading")}
    </p>
  );
}

function StatusLoadFailed({ onRetry }: { onRetry: () => void }) {
  const t = useT();
  return (
    <div role="alert" className="page page-narrow alert alert-error">
      <p>{t("app.statusLoadFailed")}</p>
      <button type="button" className="button" onClick={onRetry}>
        {t("app.retryButton")}
      </button>
    </div>
  );
}

/** Pages for a signed-in user: nothing renders until a signed-in user is known. */
export function RequireAuth() {
  const session = useSession();
  const location = useLocation();
  // A signed-in page reads its 2FA status from Firestore first thing: its client starts
  // loading while the session is still being restored, not after.
  useEffect(() => {
    void import("@/lib/firestore");
  }, []);
  if (session.status === "loading") return <PageLoading />;
  if (session.status === "signed-out") {
    const state: RedirectState = { from: location };
    return <Navigate to={paths.signIn} replace state={state} />;
  }
  return <Outlet />;
}

/**
 * A session that was signed out elsewhere or ran out: this browser signs out too and the
 * sign-in page says why (the rules and callables already refuse it everything).
 */
function SessionEnded({ reason }: { reason: SessionEndedReason }) {
  const queryClient = useQueryClient();
  useEffect(() => {
    noteSessionEnded(reason);
    void auth.signOut().then(() => queryClient.clear());
  }, [reason, queryClient]);
  return <PageLoading />;
}

/**
 * Protected pages (inside RequireAuth): a 2FA user whose session has not passed the
 * second step goes to it first, and comes back here afterwards; one whose session has
 * ended is signed out. The rules enforce the same on the data; this only spares the
 * user pages that could not load.
 */
export function RequireSecondStep() {
  const { user, claims } = useSignedInSession();
  const status = useTwoFactorStatus(user.uid);
  const session = useCurrentSession(user.uid, claims.sid);
  const location = useLocation();
  const { refetch } = session;
  useSessionActivity(claims.sid);
  // Every page change asks again whether the session still lives.
  const shownPath = useRef(location.pathname);
  useEffect(() => {
    if (shownPath.current === location.pathname) return;
    shownPath.current = location.pathname;
    void refetch();
  }, [location.pathname, refetch]);
  // The page does not wait for this answer (the rules guard the data meanwhile), so an
  // upgrade that names a new session never unmounts the page that made it.
  if (session.data?.live === false) return <SessionEnded reason={session.data.reason} />;
  if (status.isPending) return <PageLoading />;
  if (status.isError) return <StatusLoadFailed onRetry={() => void status.refetch()} />;
  if (!passedSecondStep(status.data, claims)) {
    const state: RedirectState = { from: location };
    return <Navigate to={paths.secondStep} replace state={state} />;
  }
  return <Outlet />;
}

/** The second-step page (inside RequireAuth): once passed, on to where the user was headed. */
export function RequireSecondStepPending() {
  const { user, claims } = useSignedInSession();
  const status = useTwoFactorStatus(user.uid);
  const location = useLocation();
  if (status.isPending) return <PageLoading />;
  if (status.isError) return <StatusLoadFailed onRetry={() => void status.refetch()} />;
  if (passedSecondStep(status.data, claims)) {
    return <Navigate to={redirectTarget(location) ?? defaultSignedInPath} replace />;
  }
  return <Outlet />;
}

/** Sign-in and sign-up: a signed-in user goes on to where they were headed. */
export function RedirectIfSignedIn() {
  const session = useSession();
  const location = useLocation();
  if (session.status === "loading") return <PageLoading />;
  if (session.status === "signed-in") {
    // The protected page decides whether the second step comes first.
    const fallback = location.pathname === paths.signUp ? afterSignUpPath : defaultSignedInPath;
    return <Navigate to={redirectTarget(location) ?? fallback} replace />;
  }
  return <Outlet />;
}
