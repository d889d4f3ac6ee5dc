/** Every route path of the app, declared once; links and redirects use these names. */
export const paths = {
  home: "/",
  signIn: "/sign-in",
  signUp: "/sign-up",
  /** Asks for a reset link by email. */
  forgotPassword: "/forgot-password",
  /** Where the emailed link lands, with its single-use `token` in the query string. */
  resetPassword: "/reset-password",
  /** The sign-in second step: a session that has not passed it lands here. */
  secondStep: "/second-step",
  security: "/security",
  /** Emulator mode only: every email and SMS the emulator delivered. */
  devOutbox: "/dev/outbox",
} as const;

/** Where a signed-in user lands when nothing more specific was asked for: the dashboard. */
export const defaultSignedInPath = paths.home;

/** A brand-new account starts on the Security page, where it sets up 2FA. */
export const afterSignUpPath = paths.security;
