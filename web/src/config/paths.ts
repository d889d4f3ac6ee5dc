/** Every route path of the app, declared once; links and redirects use these names. */
export const paths = {
  home: "/",
  signIn: "/sign-in",
  signUp: "/sign-up",
  security: "/security",
} as const;

/** Where a signed-in user lands when nothing more specific was asked for. */
export const defaultSignedInPath = paths.security;
