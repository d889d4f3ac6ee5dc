import { product } from "@dash2fa/shared";

/**
 * Every English string the user sees, in one module, so a translation pass (Georgian is
 * next) replaces this file rather than hunting through components. Strings that carry a
 * value are functions; times arrive already formatted for the user's locale.
 */
export const messages = {
  app: {
    productName: product.name,
    pageTitle: (page: string) => `${page} · ${product.name}`,
    skipToContent: "Skip to content",
    loading: "Loading…",
    notFoundTitle: "Page not found",
    notFoundBody: "There is nothing at this address.",
    backHome: "Go to the Security page",
  },

  auth: {
    signInTitle: "Sign in",
    signUpTitle: "Create account",
    emailLabel: "Email",
    passwordLabel: "Password",
    signInButton: "Sign in",
    signUpButton: "Create account",
    signOutButton: "Sign out",
    signedInAs: "Signed in as",
    noAccountPrompt: "New here?",
    signUpLink: "Create account",
    haveAccountPrompt: "Already have an account?",
    signInLink: "Sign in",
    // One message for every credential failure, so a reply never reveals whether an
    // account exists for an address.
    signInFailed: "Incorrect email or password.",
    tooManyAttempts: "Too many attempts. Try again later.",
    // Same text for "address already in use" and any other refusal, for the same reason.
    signUpFailed: "We couldn't create an account with these details.",
    weakPassword: "Choose a stronger password: use at least 8 characters.",
    networkFailed: "Could not reach the server. Check your connection and try again.",
  },

  security: {
    title: "Security",
    twoFactorTitle: "Two-Factor Authentication",
    twoFactorIntro:
      "Two-factor authentication adds a second step when you sign in: besides your password, you enter a code sent to your email or phone. Someone who knows your password still cannot get in.",
    twoFactorRecommendation:
      "We recommend enabling both methods, so you can still sign in if one is unavailable.",
    methodsLabel: "Two-factor authentication methods",
    emailMethod: "Email",
    phoneMethod: "Phone number",
    enabled: "Enabled",
    disabled: "Disabled",
    statusLoading: "Loading status…",
    comingSoon: "Coming soon",
    phoneComingSoonNote: "Codes by text message are coming soon.",
    enableButton: "Enable",
    cancelButton: "Cancel",
    emailAddressLabel: "Email address",
    emailAddressHint: "We will send a 6-digit code to this address.",
    sendCodeButton: "Send code",
    activated: "Two-factor authentication has been successfully activated.",
    statusLoadFailed: "We couldn't load your two-factor settings.",
    retryButton: "Try again",
  },

  verify: {
    title: "Enter verification code",
    sentTo: (maskedDestination: string) => `We sent a code to ${maskedDestination}.`,
    expiresAt: (time: string) => `The code expires at ${time}.`,
    attemptsLeft: (count: number) =>
      count === 1 ? "You have 1 attempt left." : `You have ${count} attempts left.`,
    codeLabel: "Verification code",
    codeHint: "Enter the 6 digits. Spaces and dashes are fine.",
    verifyButton: "Verify",
    cancelButton: "Cancel",
    resendButton: "Resend code",
    resendIn: (wait: string) => `Resend code in ${wait}`,
    resendAvailable: "You can request a new code now.",
    resendWaitAnnouncement: (time: string) => `You can request a new code at ${time}.`,
    resent: (maskedDestination: string) => `We sent a new code to ${maskedDestination}.`,
    wrongCode: (attemptsLeft: number) =>
      attemptsLeft === 1
        ? "That code is not correct. 1 attempt left."
        : `That code is not correct. ${attemptsLeft} attempts left.`,
    wrongCodeWithoutCount: "That code is not correct.",
    wrongCodeNoAttemptsLeft: (time: string) =>
      `That code is not correct and no attempts are left. You can request a new code after ${time}.`,
    expired: "That code has expired. Request a new one.",
    attemptsExhausted: (time: string) =>
      `Too many wrong codes. You can request a new code after ${time}.`,
    attemptsExhaustedNoTime: "Too many wrong codes. Request a new code later.",
    cooldown: (time: string) => `Please wait. You can request a new code at ${time}.`,
    cooldownNoTime: "Please wait a moment before requesting a new code.",
    noActiveCode: "There is no active code. Request a new one.",
    invalidInput: "Check what you entered and try again.",
    somethingWentWrong: "Something went wrong. Try again.",
  },

  /** Durations as people read them: "42 s", "90 s", "8 min 5 s". */
  duration: (totalSeconds: number) => {
    if (totalSeconds < 120) return `${totalSeconds} s`;
    const minutes = Math.floor(totalSeconds / 60);
    const seconds = totalSeconds % 60;
    return seconds === 0 ? `${minutes} min` : `${minutes} min ${seconds} s`;
  },
} as const;
