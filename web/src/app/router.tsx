import { createBrowserRouter, type RouteObject } from "react-router";
import { env } from "@/config/env";
import { paths } from "@/config/paths";
import { SignInPage, SignUpPage } from "@/features/auth";
import { DashboardPage } from "@/features/dashboard";
import { DevOutboxPage } from "@/features/dev-outbox";
import { SecondStepPage } from "@/features/second-step";
import { SecurityPage } from "@/features/security";
import { AppLayout } from "./app-layout";
import {
  RedirectIfSignedIn,
  RequireAuth,
  RequireSecondStep,
  RequireSecondStepPending,
} from "./guards";
import { NotFoundPage } from "./not-found";

/** Developer tools exist only against the emulators; elsewhere the path is a 404. */
const developmentRoutes: RouteObject[] = env.emulators
  ? [{ path: paths.devOutbox, element: <DevOutboxPage /> }]
  : [];

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: paths.signIn, element: <SignInPage /> },
          { path: paths.signUp, element: <SignUpPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <RequireSecondStepPending />,
            children: [{ path: paths.verify, element: <SecondStepPage /> }],
          },
          {
            element: <RequireSecondStep />,
            children: [
              { path: paths.home, element: <DashboardPage /> },
              { path: paths.security, element: <SecurityPage /> },
            ],
          },
        ],
      },
      ...developmentRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
