import { Component, lazy, Suspense, type ComponentType, type ReactNode } from "react";
import { BrowserRouter, matchPath, Route, Routes } from "react-router";
import { env } from "@/config/env";
import { paths } from "@/config/paths";
import { useT } from "@/lib/i18n";
import { AppLayout } from "./app-layout";
import {
  PageLoading,
  RedirectIfSignedIn,
  RequireAuth,
  RequireSecondStep,
  RequireSecondStepPending,
} from "./guards";
import { NotFoundPage } from "./not-found";

/** Which guard a page sits behind. */
type Access =
  /** Sign-in and its siblings: a signed-in user goes on to where they were headed. */
  | "signed-out"
  /** The second step: signed in with a password, second step not yet passed. */
  | "second-step-pending"
  /** Everything past the second step. */
  | "protected"
  | "open";

interface PageRoute {
  path: string;
  access: Access;
  /** Starts the chunk's download, once: by the first render that needs it, or earlier. */
  preload: () => Promise<{ default: ComponentType }>;
  Page: ComponentType;
}

function pageRoute(path: string, access: Access, load: () => Promise<ComponentType>): PageRoute {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load().then((page) => ({ default: page })));
  return { path, access, preload, Page: lazy(preload) };
}

/**
 * Every page, once: its path, its guard and its chunk. Each page is its own chunk, so
 * signing in does not download the Security page (nor its phone number metadata or QR
 * code). The routes and `preloadPage` are both made from this table.
 */
const pageRoutes: readonly PageRoute[] = [
  pageRoute(paths.signIn, "signed-out", async () => (await import("@/features/auth")).SignInPage),
  pageRoute(paths.signUp, "signed-out", async () => (await import("@/features/auth")).SignUpPage),
  // Apart from the sign-in chunk: few visitors of the sign-in page ever need them.
  pageRoute(
    paths.forgotPassword,
    "signed-out",
    async () => (await import("@/features/auth/forgot-password")).ForgotPasswordPage,
  ),
  pageRoute(
    paths.resetPassword,
    "signed-out",
    async () => (await import("@/features/auth/reset-password")).ResetPasswordPage,
  ),
  pageRoute(
    paths.secondStep,
    "second-step-pending",
    async () => (await import("@/features/second-step")).SecondStepPage,
  ),
  pageRoute(
    paths.home,
    "protected",
    async () => (await import("@/features/dashboard")).DashboardPage,
  ),
  pageRoute(
    paths.security,
    "protected",
    async () => (await import("@/features/security")).SecurityPage,
  ),
  // Developer tools exist only against the emulators; elsewhere the path is a 404.
  ...(env.emulators
    ? [
        pageRoute(
          paths.devOutbox,
          "open",
          async () => (await import("@/features/dev-outbox")).DevOutboxPage,
        ),
      ]
    : []),
];

/**
 * Starts downloading the page at `pathname` before anything renders, beside the session
 * being restored and the guards' reads, rather than once its guard lets it render.
 */
export function preloadPage(pathname: string): void {
  const match = pageRoutes.find(({ path }) => matchPath(path, pathname));
  if (match) void match.preload().catch(() => undefined);
}

function PageLoadFailed() {
  const t = useT();
  return (
    <div role="alert" className="page page-narrow alert alert-error">
      <p>{t("app.pageLoadFailed")}</p>
      <button type="button" className="button" onClick={() => window.location.reload()}>
        {t("app.retryButton")}
      </button>
    </div>
  );
}

/** A page whose chunk could not be downloaded (offline, or a newer deploy) says so. */
class PageBoundary extends Component<{ children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? <PageLoadFailed /> : this.props.children;
  }
}

/** A page as its chunk arrives, or why it could not. */
function LazyPage({ Page }: { Page: ComponentType }) {
  return (
    <PageBoundary>
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    </PageBoundary>
  );
}

function routesFor(access: Access) {
  return pageRoutes
    .filter((route) => route.access === access)
    .map(({ path, Page }) => <Route key={path} path={path} element={<LazyPage Page={Page} />} />);
}

/**
 * The routes, declared as components: none of the router's data APIs are used, and the
 * declarative router is about half the size of the data router on every first load.
 * Navigations run in a transition, so the page stays until the next one has loaded.
 */
export function AppRoutes() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<AppLayout />}>
          <Route element={<RedirectIfSignedIn />}>{routesFor("signed-out")}</Route>
          <Route element={<RequireAuth />}>
            <Route element={<RequireSecondStepPending />}>{routesFor("second-step-pending")}</Route>
            <Route element={<RequireSecondStep />}>{routesFor("protected")}</Route>
          </Route>
          {routesFor("open")}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
