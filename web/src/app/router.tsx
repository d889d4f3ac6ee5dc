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

/** A page's chunk, downloaded once: by the first render that needs it, or earlier. */
function pageChunk(load: () => Promise<ComponentType>) {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load().then((page) => ({ default: page })));
  return { preload, Page: lazy(preload) };
}

/**
 * Each page is its own chunk, so signing in does not download the Security page (nor its
 * phone number metadata or QR code).
 */
const pages = {
  signIn: pageChunk(async () => (await import("@/features/auth")).SignInPage),
  signUp: pageChunk(async () => (await import("@/features/auth")).SignUpPage),
  // Apart from the sign-in chunk: few visitors of the sign-in page ever need them.
  forgotPassword: pageChunk(
    async () => (await import("@/features/auth/forgot-password")).ForgotPasswordPage,
  ),
  resetPassword: pageChunk(
    async () => (await import("@/features/auth/reset-password")).ResetPasswordPage,
  ),
  secondStep: pageChunk(async () => (await import("@/features/second-step")).SecondStepPage),
  dashboard: pageChunk(async () => (await import("@/features/dashboard")).DashboardPage),
  security: pageChunk(async () => (await import("@/features/security")).SecurityPage),
  devOutbox: pageChunk(async () => (await import("@/features/dev-outbox")).DevOutboxPage),
};

const pagePaths: readonly (readonly [string, keyof typeof pages])[] = [
  [paths.signIn, "signIn"],
  [paths.signUp, "signUp"],
  [paths.forgotPassword, "forgotPassword"],
  [paths.resetPassword, "resetPassword"],
  [paths.secondStep, "secondStep"],
  [paths.home, "dashboard"],
  [paths.security, "security"],
  ...(env.emulators ? [[paths.devOutbox, "devOutbox"] as const] : []),
];

/**
 * Starts downloading the page at `pathname` before anything renders, beside the session
 * being restored and the guards' reads, rather than once its guard lets it render.
 */
export function preloadPage(pathname: string): void {
  const match = pagePaths.find(([path]) => matchPath(path, pathname));
  if (match) void pages[match[1]].preload().catch(() => undefined);
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

function page({ Page }: { Page: ComponentType }) {
  return (
    <PageBoundary>
      <Suspense fallback={<PageLoading />}>
        <Page />
      </Suspense>
    </PageBoundary>
  );
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
          <Route element={<RedirectIfSignedIn />}>
            <Route path={paths.signIn} element={page(pages.signIn)} />
            <Route path={paths.signUp} element={page(pages.signUp)} />
            <Route path={paths.forgotPassword} element={page(pages.forgotPassword)} />
            <Route path={paths.resetPassword} element={page(pages.resetPassword)} />
          </Route>
          <Route element={<RequireAuth />}>
            <Route element={<RequireSecondStepPending />}>
              <Route path={paths.secondStep} element={page(pages.secondStep)} />
            </Route>
            <Route element={<RequireSecondStep />}>
              <Route path={paths.home} element={page(pages.dashboard)} />
              <Route path={paths.security} element={page(pages.security)} />
            </Route>
          </Route>
          {/* Developer tools exist only against the emulators; elsewhere the path is a 404. */}
          {env.emulators && <Route path={paths.devOutbox} element={page(pages.devOutbox)} />}
          <Route path="*" element={<NotFoundPage />} />
        </Route>
      </Routes>
    </BrowserRouter>
  );
}
