import { createBrowserRouter, Navigate } from "react-router";
import { defaultSignedInPath, paths } from "@/config/paths";
import { SignInPage, SignUpPage } from "@/features/auth";
import { SecurityPage } from "@/features/security";
import { AppLayout } from "./app-layout";
import { RedirectIfSignedIn, RequireAuth } from "./guards";
import { NotFoundPage } from "./not-found";

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    children: [
      { path: paths.home, element: <Navigate to={defaultSignedInPath} replace /> },
      {
        element: <RedirectIfSignedIn />,
        children: [
          { path: paths.signIn, element: <SignInPage /> },
          { path: paths.signUp, element: <SignUpPage /> },
        ],
      },
      {
        element: <RequireAuth />,
        children: [{ path: paths.security, element: <SecurityPage /> }],
      },
      { path: "*", element: <NotFoundPage /> },
    ],
  },
]);
