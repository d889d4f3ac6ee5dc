/**
 * Every English string the user sees. `ka.ts` must have exactly these keys (its type says
 * so, and `locales.test.ts` checks the values and placeholders too).
 *
 * i18next conventions: `{{name}}` is a value filled in by the caller (times arrive already
 * formatted for the language); a key ending in `_one` / `_other` is one plural form, chosen
 * with the `count` the caller passes, by the language's own plural rules.
 *
 * No imports on purpose: the unit test loads this file without the app's path aliases.
 */
export const en = {
  language: {
    /** The language's own name, as the language switcher offers it. */
    name: "English",
    label: "Language",
  },

  app: {
    productName: "Dashboard",
    pageTitle: "{{page}} · {{product}}",
    skipToContent: "Skip to content",
    loading: "Loading…",
    notFoundTitle: "Page not found",
    notFoundBody: "There is nothing at this address.",
    backHome: "Go to the dashboard",
    navLabel: "Main",
    navDashboard: "Dashboard",
    navSecurity: "Security",
    footerLabel: "Developer tools",
    devOutboxLink: "Development outbox",
    pageLoadFailed: "This page couldn't load. Check your connection and try again.",
    statusLoadFailed: "We couldn't load your account settings.",
    retryButton: "Try again",
  },

  /** Method names, the same everywhere they appear. */
  methods: {
    email: "Email",
    phone: "Phone number",
    totp: "Authenticator app",
    passkey: "Passkeys and security keys",
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
    signingInAs: "Signing in as",
    cancelSignInButton: "Cancel sign-in",
    noAccountPrompt: "New here?",
    signUpLink: "Create account",
    haveAccountPrompt: "Already have an account?",
    signInLink: "Sign in",
    emailInvalid: "Enter a valid email address.",
    passwordTooShort_one: "Use at least {{count}} character.",
    passwordTooShort_other: "Use at least {{count}} characters.",
    passwordTooLong_one: "Use at most {{count}} character.",
    passwordTooLong_other: "Use at most {{count}} characters.",
    // One message for every credential failure, so a reply never reveals whether an
    // account exists for an address.
    signInFailed: "Incorrect email or password.",
    tooManyAttempts: "Too many attempts. Try again later.",
    // Same text for "address already in use" and any other refusal, for the same reason.
    signUpFailed: "We couldn't create an account with these details.",
    weakPassword_one: "Choose a stronger password: use at least {{count}} character.",
    weakPassword_other: "Choose a stronger password: use at least {{count}} characters.",
    networkFailed: "Could not reach the server. Check your connection and try again.",
    forgotPasswordLink: "Forgot password?",
    /** Why this browser was signed out, on the sign-in page that follows. */
    sessionEnded: {
      "signed-out": "You signed out. Sign in again.",
      "ended-elsewhere": "You were signed out: this session was ended from another session.",
      "device-revoked":
        "You were signed out: the remembered device this session started on was revoked.",
      "account-changed":
        "You were signed out because your password or two-factor settings changed.",
      expired: "Your session reached its time limit. Sign in again.",
      idle: "You were signed out after a long time without use. Sign in again.",
      unknown: "This session has ended. Sign in again.",
    },
  },

  /** Asking for a reset link by email, and choosing a new password through it. */
  passwordReset: {
    forgotTitle: "Reset your password",
    forgotIntro: "Enter the email address of your account, and we will send it a link.",
    sendLinkButton: "Send reset link",
    // The same words whether or not an account uses the address, so the page never
    // reveals which addresses have accounts.
    linkSent_one:
      "If an account uses that address, we sent it a link to choose a new password. The link works for {{count}} minute.",
    linkSent_other:
      "If an account uses that address, we sent it a link to choose a new password. The link works for {{count}} minutes.",
    backToSignIn: "Back to sign in",
    resetTitle: "Choose a new password",
    newPasswordLabel: "New password",
    newPasswordHint_one: "At least {{count}} character.",
    newPasswordHint_other: "At least {{count}} characters.",
    saveButton: "Save new password",
    changed: "Your password was changed.",
    emailBarred:
      "When you sign in, verify with another method or a recovery code: email can't be your second step this time.",
    signInLink: "Sign in",
    newLinkLink: "Ask for a new link",
  },

  /** The sign-in second step page. */
  secondStep: {
    pageTitle: "Two-factor authentication",
    title: "Verify it's you",
    intro:
      "Your account is protected with two-factor authentication. Verify it's you to finish signing in.",
    checkingDevice: "Checking this device…",
    deviceForgotten:
      "This browser is no longer remembered: a change to your password or two-factor settings, or a revoke on the Security page, ends every remembered browser. Verify it's you another way.",
  },

  /** Choosing a method, the code or a recovery code: sign-in and step-up alike. */
  secondFactor: {
    chooserTitle: "Choose another way to verify",
    /** The methods as the chooser offers them, each with what it involves. */
    methodOptions: {
      email: "Email",
      phone: "Text message",
      totp: "Authenticator app",
      passkey: "Passkey or security key",
    },
    methodHints: {
      email: "Send a code to {{destination}}",
      phone: "Text a code to {{destination}}",
      totp: "A code from the app on your phone",
      passkey: "Confirm with your fingerprint, face, screen lock or security key",
    },
    backButton: "Back",
    passkeyPrompt:
      "Use a passkey or security key you added to this account. Your browser will ask you to confirm.",
    passkeyButton: "Use your passkey",
    passkeyRetryButton: "Try again",
    passkeyWaiting: "Waiting for your passkey. Follow your browser's prompt.",
    /** A method on screen whose code goes out only once asked for. */
    readyToSend: {
      email: "We'll email a code to {{destination}}.",
      phone: "We'll text a code to {{destination}}.",
    },
    sendCodeButton: "Send code",
    sending: "Sending a code to {{destination}}…",
    sendAgainButton: "Try sending again",
    sendAgainIn: "Try sending again in {{wait}}",
    /** A method that sends a code, while the send limit holds. */
    sendsBlockedUntil: "No more codes can be sent until {{time}}",
    rememberDevice_one: "Remember this device for {{count}} day",
    rememberDevice_other: "Remember this device for {{count}} days",
    rememberDeviceHint: "Don't choose this on a shared or public computer.",
    useRecoveryCode: "Use a recovery code",
    useCodeInstead: "Use a verification code instead",
    usePasskeyInstead: "Use your passkey instead",
    /** Opens the list of the other enabled methods. */
    useOtherMethod: "Use another method",
    recoveryCodeLabel: "Recovery code",
    recoveryCodeHint_one:
      "The {{count}} code you saved when you turned on two-factor authentication. It works once.",
    recoveryCodeHint_other:
      "One of the {{count}} codes you saved when you turned on two-factor authentication. Each works once.",
    recoveryCodeFormat: "Enter a recovery code as it was shown, e.g. {{example}}.",
    verifyButton: "Verify",
    cancelButton: "Cancel",
    noMethods: "No method can send you a code. Use a recovery code.",
    /** While codes are locked after too many wrong ones: what still works. */
    lockedAlternatives: "You can still verify with a recovery code.",
    lockedAlternativesWithPasskey: "You can still verify with your passkey or a recovery code.",
    lockEnds: "Codes work again when the lock ends.",
  },

  stepUp: {
    title: "Confirm it's you",
    intro: "For your security, verify it's you again before making this change.",
    /** In a confirmation that needs a recent verification: verifying confirms. */
    confirmByVerifying: "To confirm, verify it's you.",
  },

  confirm: {
    cancelButton: "Cancel",
  },

  security: {
    title: "Security",
    twoFactorTitle: "Two-factor authentication",
    twoFactorIntro:
      "Two-factor authentication adds a second step when you sign in: besides your password, you enter a code sent to your email or phone or shown by an authenticator app, or confirm with a passkey. Someone who knows your password still cannot get in.",
    twoFactorRecommendation:
      "We recommend enabling at least two methods, so you can still sign in if one is unavailable.",
    methodsLabel: "Two-factor authentication methods",
    enabled: "Enabled",
    disabled: "Disabled",
    statusLoading: "Loading status…",
    keyCount_one: "{{count}} key",
    keyCount_other: "{{count}} keys",
    enableButton: "Enable",
    changeButton: "Change",
    disableButton: "Disable",
    cancelButton: "Cancel",
    emailAddressLabel: "Email address",
    emailAddressHint: "We will send a {{length}}-digit code to this address.",
    emailInvalid: "Enter a valid email address.",
    countryLabel: "Country",
    countryOption: "{{country}} (+{{callingCode}})",
    phoneNumberLabel: "Phone number",
    phoneNumberHint:
      "A mobile number that can receive text messages. We will send a {{length}}-digit code to it.",
    phoneProblems: {
      invalid: "Enter a valid mobile number.",
      "not-mobile": "Enter a mobile number: this one cannot receive text messages.",
      "country-not-allowed": "Text messages cannot be sent to this country yet.",
    },
    sendCodeButton: "Send code",
    activated: "Two-factor authentication has been successfully activated.",
    destinationChanged: {
      email: "Codes by email now go to the new address.",
      phone: "Codes by text message now go to the new number.",
    },
    methodDisabled: {
      email: "Email has been disabled.",
      phone: "Phone number has been disabled.",
      totp: "The authenticator app has been disabled.",
      passkey: "Passkeys and security keys have been disabled, and every key was removed.",
    },
    twoFactorOff: "Two-factor authentication is now off.",
    /** After a method is turned on while two-factor authentication was already on. */
    methodAdded: {
      email: "Email has been added. You can now use it for the second step when you sign in.",
      phone:
        "Phone number has been added. You can now use it for the second step when you sign in.",
      totp: "The authenticator app has been added. You can now use it for the second step when you sign in.",
    },
    /** After a method is turned off while others stay on; `methods` lists them. */
    stillProtected:
      "Your account is still protected by two-factor authentication. Still on: {{methods}}.",
    disableConfirmTitle: {
      email: "Disable Email?",
      phone: "Disable Phone number?",
      totp: "Disable the authenticator app?",
      passkey: "Disable passkeys and security keys?",
    },
    disableConfirmBody: {
      email: "You will no longer get sign-in codes this way.",
      phone: "You will no longer get sign-in codes this way.",
      totp: "Codes from your authenticator app will stop working. To use it again, set it up anew.",
      passkey: "Every key you added will be removed and can no longer be used to verify it's you.",
    },
    disableLastConfirmBody:
      "This is your only method: two-factor authentication will be turned off and your recovery codes will stop working.",
    disableConfirmButton: {
      email: "Disable Email",
      phone: "Disable Phone number",
      totp: "Disable authenticator app",
      passkey: "Disable and remove all keys",
    },
    statusLoadFailed: "We couldn't load your two-factor settings.",
    retryButton: "Try again",

    recoveryTitle: "Recovery codes",
    recoveryIntro:
      "If you can't use any of your two-factor methods, sign in with a recovery code instead. Each code works once.",
    recoveryRemaining_one: "{{remaining}} of {{count}} recovery code left",
    recoveryRemaining_other: "{{remaining}} of {{count}} recovery codes left",
    recoveryLow: "You are running out of recovery codes. Generate new ones.",
    recoveryNotYet: "You get recovery codes when you enable two-factor authentication.",
    recoveryLoading: "Loading recovery codes…",
    generateButton: "Generate new codes",
    regenerateConfirmTitle: "Generate new recovery codes?",
    regenerateConfirmBody: "Your current recovery codes will stop working at once.",
    regenerateConfirmButton: "Replace codes",
    saveCodesTitle: "Save your recovery codes",
    saveCodesIntro:
      "Keep these codes somewhere safe, such as a password manager. Each works once, if you can't use any of your two-factor methods. They are shown only this once.",
    codesListLabel: "Your recovery codes",
    copyCodesButton: "Copy codes",
    codesCopied: "Recovery codes copied.",
    copyFailed: "Couldn't copy. Download the codes or write them down instead.",
    downloadButton: "Download",
    downloadFileName: "dashboard-recovery-codes.txt",
    downloadFileHeader:
      "{{product}} recovery codes for {{account}}\nCreated {{date}}. Each code works once.",
    printButton: "Print",
    printTitle: "{{product}} recovery codes",
    codesSavedCheckbox: "I have saved these codes",
    codesSavedRequired: "Confirm that you have saved the codes before you continue.",
    codesContinueButton: "Continue",

    /** The overview at the top of the Security page. */
    summary: {
      title: "Overview",
      loading: "Loading the overview…",
      statusLabel: "Two-factor authentication",
      on: "On",
      off: "Off",
      methodsLabel: "Methods enabled",
      methodCount: "{{enabled}} of {{total}}",
      noMethods: "None yet",
      preferredLabel: "Preferred method",
      noPreferred: "None",
      saveButton: "Save",
      saved: "Sign-in now asks first for: {{method}}.",
      hintOff: "Enable a method below to ask for a second step when you sign in.",
      hintOne: "Sign-in asks for this method. Enable another to have a choice.",
      hintPreferred: "Sign-in asks for this method first; you can always pick another there.",
      hintLastUsed: "Until you choose, sign-in asks first for the method you used last.",
      hintStrongest: "Until you choose, sign-in asks first for your strongest method.",
    },

    /** Setting up the authenticator app (TOTP). */
    totp: {
      setupTitle: "Set up the authenticator app",
      preparing: "Preparing your setup key…",
      scanStep:
        "Scan this QR code with an authenticator app, such as Google Authenticator, Microsoft Authenticator or 1Password.",
      qrAlt: "QR code that adds your account to an authenticator app",
      /** Before the link that opens the app on this device with the key (otpauth://). */
      openInAppStep: "Is the app on this device?",
      openInAppLink: "Open it in the authenticator app",
      qrFailed: "The QR code couldn't be drawn. Enter the setup key instead.",
      manualStep: "Can't scan it? Enter this setup key in the app instead:",
      secretLabel: "Setup key",
      copyButton: "Copy key",
      copied: "Setup key copied.",
      copyFailed: "Couldn't copy. Type the key into the app instead.",
      expiresAt: "Finish the setup by {{time}}.",
      startAgainButton: "Start again",
    },

    /** Passkeys and security keys (WebAuthn). */
    passkeys: {
      listLabel: "Your passkeys and security keys",
      loading: "Loading your keys…",
      loadFailed: "We couldn't load your keys.",
      empty: "No keys yet.",
      addButton: "Add a key",
      addTitle: "Add a passkey or security key",
      addIntro:
        "Name the key so you can recognise it later. Then follow your browser's prompt: confirm with your fingerprint, face or screen lock, or insert and touch your security key.",
      nameLabel: "Name",
      nameHint_one: "Up to {{count}} character, such as “Work laptop” or “Blue security key”.",
      nameHint_other: "Up to {{count}} characters, such as “Work laptop” or “Blue security key”.",
      nameRequired: "Give the key a name.",
      nameTooLong_one: "Use at most {{count}} character.",
      nameTooLong_other: "Use at most {{count}} characters.",
      defaultName: "Security key",
      continueButton: "Continue",
      tryAgainButton: "Try again",
      waiting: "Follow your browser's prompt to create the key…",
      unsupported: "This browser can't create passkeys or use security keys.",
      added: "“{{name}}” has been added.",
      addedColumn: "Added",
      lastUsedColumn: "Last used",
      neverUsed: "Not used yet",
      attachment: {
        platform: "Built into a device",
        "cross-platform": "Security key or phone",
      },
      renameButton: "Rename",
      renameTitle: "Rename “{{name}}”",
      saveButton: "Save",
      cancelButton: "Cancel",
      renamed: "The key is now called “{{name}}”.",
      removeButton: "Remove",
      removeConfirmTitle: "Remove “{{name}}”?",
      removeConfirmBody: "You won't be able to use this key to verify it's you any more.",
      removeLastConfirmBody: "This is your last key: passkeys will be turned off.",
      removeLastMethodConfirmBody:
        "This is your last key and your only method: two-factor authentication will be turned off and your recovery codes will stop working.",
      removeConfirmButton: "Remove key",
      removed: "“{{name}}” has been removed.",
    },

    /** Changing the password, which signs out every other session. */
    password: {
      title: "Password",
      intro: "Changing your password signs you out everywhere else.",
      changeButton: "Change password",
      currentLabel: "Current password",
      currentRequired: "Enter your current password.",
      newLabel: "New password",
      newHint_one: "At least {{count}} character.",
      newHint_other: "At least {{count}} characters.",
      submitButton: "Change password",
      changed: "Your password was changed. Every other session was signed out.",
    },

    /** "Where you're signed in": every session of the account, each one endable. */
    sessions: {
      title: "Where you're signed in",
      intro:
        "Each browser that passed the second step. Sign out of any you don't recognise; a session also ends after {{idleDays}} days unused, and after {{days}} days in any case.",
      loading: "Loading your sessions…",
      loadFailed: "We couldn't load your sessions.",
      listLabel: "Signed-in sessions",
      thisSession: "This browser",
      signedInColumn: "Signed in",
      lastSeenColumn: "Last seen",
      howColumn: "Second step",
      signOutButton: "Sign out",
      /** The button's name for assistive technology, which hears no row around it. */
      signOutOf: "Sign out of {{browser}}",
      signOutHere: "Sign out of this browser",
      signOutOthersButton: "Sign out of all other sessions",
      noOthers: "You're signed in only here.",
      ended_one: "{{count}} session signed out.",
      ended_other: "{{count}} sessions signed out.",
    },

    devicesTitle: "Remembered devices",
    devicesIntro_one:
      "These browsers skip the second step when you sign in, for up to {{count}} day. Revoke any you don't recognise.",
    devicesIntro_other:
      "These browsers skip the second step when you sign in, for up to {{count}} days. Revoke any you don't recognise.",
    devicesEmpty: "No remembered devices.",
    devicesLoading: "Loading remembered devices…",
    devicesLoadFailed: "We couldn't load your remembered devices.",
    devicesTableLabel: "Remembered devices",
    firstUsedColumn: "First use",
    lastUsedColumn: "Last use",
    expiresColumn: "Expires",
    thisBrowser: "This browser",
    revokeButton: "Revoke",
    revokeAllButton: "Revoke all",
    devicesRevoked_one: "{{count}} device revoked.",
    devicesRevoked_other: "{{count}} devices revoked.",

    activityTitle: "Security activity",
    activityIntro: "The latest changes and sign-in checks on your account.",
    activityEmpty: "No security activity yet.",
    activityLoading: "Loading security activity…",
    activityLoadFailed: "We couldn't load your security activity.",
    activityTypes: {
      "method-enabled": "Two-factor method enabled",
      "method-disabled": "Two-factor method disabled",
      "destination-changed": "Code destination changed",
      "sign-in-verified": "Sign-in verified",
      "verification-failed": "Wrong code entered",
      "locked-out": "Verification locked after too many wrong codes",
      "recovery-code-used": "Recovery code used",
      "recovery-codes-regenerated": "New recovery codes generated",
      "device-remembered": "Device remembered",
      "device-revoked": "Remembered device revoked",
      "passkey-added": "Passkey or security key added",
      "passkey-renamed": "Passkey or security key renamed",
      "passkey-removed": "Passkey or security key removed",
      "password-changed": "Password changed",
      "password-reset": "Password reset by email link",
      "session-ended": "Session signed out",
    },
    activityMethods: {
      email: "Email",
      phone: "Phone number",
      "recovery-code": "Recovery code",
      device: "Remembered device",
      totp: "Authenticator app",
      passkey: "Passkey or security key",
    },
    /** A passkey event's key, in the event's details. */
    activityKeyName: "Key: {{name}}",
    /** Between the parts of "Email · Chrome on Linux". */
    detailsSeparator: " · ",
  },

  verify: {
    title: "Enter verification code",
    sentTo: "We sent a code to {{destination}}.",
    /** Under "We sent a code to …": where the message is. */
    delivery: {
      onItsWay: "On its way…",
      delivered: "Delivered",
    },
    /** The message with the code could not be delivered: what may be wrong. */
    undelivered: {
      email:
        "We couldn't deliver the email to {{destination}}. The address may be wrong, or the mailbox may not accept mail.",
      phone:
        "We couldn't deliver the text message to {{destination}}. The number may be wrong, or the phone may be switched off or out of reach.",
    },
    /** Offered at once, while enrolling, when the message could not be delivered. */
    changeDestination: {
      email: "Change the address",
      phone: "Change the number",
    },
    expiresAt: "The code expires at {{time}}.",
    /** After the sent code's last wrong guess: Verify is gone until a new code. */
    codeSpent: "This code can't be used any more. You can get a new one at {{time}}.",
    attemptsLeft_one: "You have {{count}} attempt left.",
    attemptsLeft_other: "You have {{count}} attempts left.",
    codeLabel: "Verification code",
    codeHint_one: "Enter the {{count}} digit. Spaces and dashes are fine.",
    codeHint_other: "Enter the {{count}} digits. Spaces and dashes are fine.",
    codeFormat: "Enter the {{length}}-digit code.",
    verifyButton: "Verify",
    cancelButton: "Cancel",
    resendButton: "Resend code",
    resendIn: "Resend code in {{wait}}",
    resendAvailable: "You can request a new code now.",
    resendWaitAnnouncement: "You can request a new code at {{time}}.",
    resent: "We sent a new code to {{destination}}.",
    wrongCode_one: "That code is not correct. {{count}} attempt left.",
    wrongCode_other: "That code is not correct. {{count}} attempts left.",
    wrongCodeWithoutCount: "That code is not correct.",
    wrongCodeNoAttemptsLeft:
      "That code is not correct and no attempts are left. You can request a new code after {{time}}.",
    expired: "That code has expired. Request a new one.",
    attemptsExhausted: "Too many wrong codes. You can request a new code after {{time}}.",
    attemptsExhaustedNoTime: "Too many wrong codes. Request a new code later.",
    cooldown: "Please wait. You can request a new code at {{time}}.",
    cooldownNoTime: "Please wait a moment before requesting a new code.",
    noActiveCode: "There is no active code. Request a new one.",
    rateLimited: "Too many codes requested. Try again at {{time}}.",
    rateLimitedNoTime: "Too many codes requested. Try again later.",
    locked: "Too many wrong codes. Verification is locked until {{time}}.",
    lockedNoTime: "Too many wrong codes. Verification is locked for a while.",
    /** After "That code is not correct.", once few wrong codes are left before the lock. */
    triesBeforeLock_one: "{{count}} try left before verification locks for {{minutes}} minutes.",
    triesBeforeLock_other:
      "{{count}} tries left before verification locks for {{minutes}} minutes.",
    lockedUntilRecovery:
      "Verification is locked after too many wrong codes. Use a recovery code to unlock it.",
    wrongRecoveryCode_one: "That recovery code is not valid. {{count}} attempt left.",
    wrongRecoveryCode_other: "That recovery code is not valid. {{count}} attempts left.",
    wrongRecoveryCodeWithoutCount: "That recovery code is not valid.",
    wrongRecoveryCodeLocked:
      "That recovery code is not valid. Recovery codes are locked until {{time}}.",
    recoveryCodesLocked: "Too many wrong recovery codes. Try again at {{time}}.",
    recoveryCodesLockedNoTime: "Too many wrong recovery codes. Try again later.",
    methodNotEnabled: "This verification method is not turned on for your account.",
    methodAlreadyEnabled:
      "Codes already go to this destination. Enter a different one to change it.",
    secondStepRequired: "Finish two-factor authentication first.",
    stepUpRequired: "Confirm it's you to make this change.",
    wrongPassword: "The current password is not correct.",
    resetLinkInvalid: "This link has expired or was already used. Ask for a new one.",
    emailNotAfterReset:
      "Your password was just reset through your email, so email can't be your second step this time. Use another method or a recovery code.",
    deviceNotRecognized: "This device is no longer remembered. Verify it's you with a code.",
    invalidInput: "Check what you entered and try again.",
    networkFailed: "Could not reach the server. Check your connection and try again.",
    somethingWentWrong: "Something went wrong. Try again.",
    appCodePrompt: "Enter the {{length}}-digit code from your authenticator app.",
    wrongAppCode:
      "That code is not correct. Enter the code your authenticator app shows for this account now, and check that your phone's clock is right.",
    codeAlreadyUsed:
      "That code was already used. Wait for your authenticator app to show the next one.",
    sentCodeAlreadyUsed:
      "That code was already used, so it cannot be used again. If you still need to verify, request a new code.",
    appSetupExpired: "This setup has expired. Start again to get a new QR code.",
    appAlreadyEnabled: "The authenticator app is already set up for your account.",
    passkeyFailed: "That passkey couldn't be verified. Try again or use another method.",
    passkeyExpired: "The passkey request expired. Try again.",
    passkeyLimit_one: "You can add at most {{count}} key. Remove it to add another.",
    passkeyLimit_other: "You can add at most {{count}} keys. Remove one to add another.",
    passkeyCancelled: "The passkey prompt was closed or timed out. Try again when you're ready.",
    passkeyAlreadyRegistered: "This key is already added to your account.",
    passkeyUnsupported:
      "This browser can't use passkeys or security keys. Use another method or another browser.",
    passkeyBrowserFailed: "Your browser couldn't use the key. Try again or use another method.",
    /** A refused send, naming the limit that refused it (`describeRateLimit`). */
    rateLimit: {
      user_one:
        "You've asked for {{count}} code {{window}} for this account. Try again at {{time}}.",
      user_other:
        "You've asked for {{count}} codes {{window}} for this account. Try again at {{time}}.",
      destination_one:
        "{{count}} code has been sent to {{destination}} {{window}}, the most it may get. Try again at {{time}}.",
      destination_other:
        "{{count}} codes have been sent to {{destination}} {{window}}, the most it may get. Try again at {{time}}.",
      /** Reset links count too: the per-network limit is shared with "Forgot password?". */
      ip_one:
        "{{count}} code or reset link has been requested from this network {{window}}. Try again at {{time}}.",
      ip_other:
        "{{count}} codes and reset links have been requested from this network {{window}}. Try again at {{time}}.",
      /** `{{destination}}` above. */
      destinations: {
        email: "this email address",
        phone: "this phone number",
        any: "this email address or phone number",
      },
      /** `{{window}}` above. */
      window: {
        minutes_one: "in {{count}} minute",
        minutes_other: "in {{count}} minutes",
        hours_one: "in an hour",
        hours_other: "in {{count}} hours",
      },
      /** Added against the emulators only. */
      emulatorHint:
        "Testing with the emulators? The Development outbox page (/dev/outbox) can reset the sending limits.",
    },
  },

  dashboard: {
    title: "Dashboard",
    intro: "Your notes, visible only to you after two-factor authentication.",
    introWithout2fa:
      "Your notes, visible only to you. Turn on two-factor authentication on the Security page so that your password alone cannot open them.",
    newNoteTitle: "New note",
    noteLabel: "Note",
    noteHint_one: "Up to {{count}} character.",
    noteHint_other: "Up to {{count}} characters.",
    noteEmpty: "Write something first.",
    noteTooLong_one: "Keep notes to {{count}} character or fewer.",
    noteTooLong_other: "Keep notes to {{count}} characters or fewer.",
    addNoteButton: "Add note",
    noteAdded: "Note added.",
    noteDeleted: "Note deleted.",
    addFailed: "We couldn't add the note. Try again.",
    deleteFailed: "We couldn't delete the note. Try again.",
    notesTitle: "Your notes",
    notesLoading: "Loading notes…",
    notesEmpty: "No notes yet.",
    notesLoadFailed: "We couldn't load your notes.",
    retryButton: "Try again",
    deleteNoteButton: "Delete note",
    addedAt: "Added {{time}}",
  },

  devOutbox: {
    title: "Development outbox",
    intro_one:
      "Every email and text message the emulator delivered, newest first, so you can sign in as any user. It refreshes every {{count}} second and exists only in emulator mode.",
    intro_other:
      "Every email and text message the emulator delivered, newest first, so you can sign in as any user. It refreshes every {{count}} seconds and exists only in emulator mode.",
    tableLabel: "Sent messages",
    timeColumn: "Time",
    kindColumn: "Kind",
    toColumn: "Recipient",
    textColumn: "Message",
    stateColumn: "Delivery",
    kinds: { email: "Email", sms: "SMS" },
    states: {
      PENDING: "Pending",
      PROCESSING: "Sending",
      SUCCESS: "Delivered",
      ERROR: "Failed",
    },
    loading: "Loading the outbox…",
    empty: "Nothing has been sent yet.",
    loadFailed:
      "The outbox is not available. Is the Functions emulator running with the devOutbox function?",
    retryButton: "Try again",
    limitsIntro:
      "Every request here comes from one address, and the counters survive restarts, so trying the flows by hand soon meets a limit. Resetting forgets every account's send limits (per account, per email address or phone number, per network, remembered-device sign-ins, password reset links) and every lock after wrong codes.",
    resetLimitsButton: "Reset sending limits",
    limitsReset: "Sending limits and code locks were reset. Codes can be sent again.",
    resetFailed:
      "The limits could not be reset. Is the Functions emulator running with the devResetLimits function?",
  },

  /** A browser as the Security page lists it: "Chrome on Linux" (brand names as written). */
  browser: {
    onSystem: "{{browser}} on {{system}}",
    unknownBrowser: "Browser",
    unknownSystem: "unknown system",
  },

  /** Durations as people read them: "42 s", "90 s", "8 min 5 s". */
  duration: {
    seconds: "{{seconds}} s",
    minutes: "{{minutes}} min",
    minutesSeconds: "{{minutes}} min {{seconds}} s",
  },
} as const;

/**
 * The shape every language must have: exactly the keys of `en`, each a string. Used with
 * `satisfies`, so a missing or an extra key in a translation is a type error.
 */
export type LocaleMessages<Shape = typeof en> = {
  readonly [Key in keyof Shape]: Shape[Key] extends string ? string : LocaleMessages<Shape[Key]>;
};
