import { createBrowserRouter, type RouteObject } from "react-router";
import { env } from "@/config/env";
import { paths } from "@/config/paths";
import { AppLayout } from "./app-layout";
import {
  RedirectIfSignedIn,
  RequireAuth,
  RequireSecondStep,
  RequireSecondStepPending,
} from "./guards";
import { NotFoundPage } from "./not-found";

/**
 * Each page is its own chunk, loaded when its route is first visited, so signing in
 * does not download the Security page (nor its phone number metadata or QR code).
 */
const page = {
  signIn: async () => ({ Component: (await import("@/features/auth")).SignInPage }),
  signUp: async () => ({ Component: (await import("@/features/auth")).SignUpPage }),
  // Apart from the sign-in chunk: few visitors of the sign-in page ever need them.
  forgotPassword: async () => ({
    Component: (await import("@/features/auth/forgot-password")).ForgotPasswordPage,
  }),
  resetPassword: async () => ({
    Component: (await import("@/features/auth/reset-password")).ResetPasswordPage,
  }),
  secondStep: async () => ({ Component: (await import("@/features/second-step")).SecondStepPage }),
  dashboard: async () => ({ Component: (await import("@/features/dashboard")).DashboardPage }),
  security: async () => ({ Component: (await import("@/features/security")).SecurityPage }),
  devOutbox: async () => ({ Component: (await import("@/features/dev-outbox")).DevOutboxPage }),
};

/** Developer tools exist only against the emulators; elsewhere the path is a 404. */
const developmentRoutes: RouteObject[] = env.emulators
  ? [{ path: paths.devOutbox, lazy: page.devOutbox }]
  : [];

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: paths.signIn, lazy: page.signIn },
          { path: paths.signUp, lazy: page.signUp },
          { path: paths.forgotPassword, lazy: page.forgotPassword },
          { path: paths.resetPassword, lazy: page.resetPassword },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <RequireSecondStepPending />,
            children: [{ path: paths.secondStep, lazy: page.secondStep }],
          },
          {
            element: <RequireSecondStep />,
            children: [
              { path: paths.home, lazy: page.dashboard },
              { path: paths.security, lazy: page.security },
            ],
          },
        ],
      },
      ...developmentRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
