import { FirebaseError } from "firebase/app";
import {
  passkeyPolicy,
  RECOVERY_CODE_ALPHABET,
  recoveryCodePolicy,
  verificationPolicy,
  type TwoFactorMethod,
  type RefusalDetails,
} from "@dash2fa/shared";
import { env } from "@/config/env";
import { toRefusal } from "@/lib/firebase";
import { formatClockTime, formatClockTimeWithSeconds, formatRetryTime } from "@/lib/format-time";
import { i18n } from "@/lib/i18n";
import { classifyWebAuthnError } from "@/lib/webauthn-error";
import { describeRateLimit } from "./describe-rate-limit";
import { LOCK_WARNING_MINUTES, wrongCodeWarning } from "./code-form-state";

/** "ABCD-EFGH-JKMN-PQRS": what a recovery code looks like, built from the real policy. */
const recoveryCodeExample = RECOVERY_CODE_ALPHABET.slice(10, 10 + recoveryCodePolicy.length)
  .match(new RegExp(`.{1,${recoveryCodePolicy.groupSize}}`, "g"))
  ?.join("-");

/**
 * Input the schema refused, in the UI language: the schemas' own messages are English
 * (they are the functions' too), so the field decides the sentence.
 */
function describeInvalidInput(issues: RefusalDetails["issues"]): string {
  return issues?.[0]?.path === "code"
    ? i18n.t("verify.codeFormat", { length: String(verificationPolicy.codeLength) })
    : i18n.t("verify.invalidInput");
}

/** The recovery-code field's own refusal, in the UI language. */
export function describeRecoveryCodeFormat(): string {
  return i18n.t("secondFactor.recoveryCodeFormat", { example: recoveryCodeExample ?? "" });
}

/**
 * A wrong code, with the nearest limit it brings closer (`wrongCodeWarning`): an app code
 * keeps its advice to check the phone while it can still be retried.
 */
function describeWrongCode(
  failure: RefusalDetails,
  codeExpiresAt: number | undefined,
  method: TwoFactorMethod | undefined,
): string {
  const { t } = i18n;
  const notCorrect = t("verify.wrongCodeWithoutCount");
  const warning = wrongCodeWarning(failure);
  switch (warning.kind) {
    case "lock-started": {
      const locked = t("verify.locked", { time: formatRetryTime(warning.until) });
      return `${notCorrect} ${locked}`;
    }
    case "lock-near": {
      if (warning.triesLeft === 0) return `${notCorrect} ${t("verify.lockedNoTime")}`;
      const minutes = String(LOCK_WARNING_MINUTES);
      const tries = t("verify.triesBeforeLock", { count: warning.triesLeft, minutes });
      return `${method === "totp" ? t("verify.wrongAppCode") : notCorrect} ${tries}`;
    }
    case "attempts-left":
      return t("verify.wrongCode", { count: warning.attemptsLeft });
    case "code-spent":
      return codeExpiresAt === undefined
        ? t("verify.attemptsExhaustedNoTime")
        : t("verify.wrongCodeNoAttemptsLeft", { time: formatClockTime(codeExpiresAt) });
    case "none":
      return method === "totp" ? t("verify.wrongAppCode") : notCorrect;
  }
}

/**
 * One distinct sentence per refusal, in the active language (call it while rendering, so
 * a language switch rewords it). `codeExpiresAt` lets a last wrong guess say when a new
 * code can be requested (the server refuses until the dead code expires); `method` words
 * the refusals that mean something else for the authenticator app or a passkey.
 */
export function describeRefusal(
  failure: RefusalDetails | undefined,
  codeExpiresAt?: number,
  method?: TwoFactorMethod,
): string {
  const { t } = i18n;
  const retryAt = failure?.retryAt;
  switch (failure?.reason) {
    case "wrong-code":
      return describeWrongCode(failure, codeExpiresAt, method);
    case "expired":
      if (method === "totp") return t("verify.appSetupExpired");
      if (method === "passkey") return t("verify.passkeyExpired");
      return t("verify.expired");
    case "attempts-exhausted":
      return retryAt === undefined
        ? t("verify.attemptsExhaustedNoTime")
        : t("verify.attemptsExhausted", { time: formatClockTime(retryAt) });
    case "cooldown":
      return retryAt === undefined
        ? t("verify.cooldownNoTime")
        : t("verify.cooldown", { time: formatClockTimeWithSeconds(retryAt) });
    case "no-active-code":
      return method === "totp" ? t("verify.appSetupExpired") : t("verify.noActiveCode");
    case "rate-limited": {
      const context = { now: Date.now(), emulators: env.emulators !== undefined, method };
      const named = describeRateLimit(failure, context);
      if (named !== undefined) return named;
      return retryAt === undefined
        ? t("verify.rateLimitedNoTime")
        : t("verify.rateLimited", { time: formatRetryTime(retryAt) });
    }
    case "locked":
      return retryAt === undefined
        ? t("verify.lockedNoTime")
        : t("verify.locked", { time: formatRetryTime(retryAt) });
    case "locked-until-recovery":
      return t("verify.lockedUntilRecovery");
    case "wrong-recovery-code": {
      const left = failure.attemptsLeft;
      if (left === undefined) return t("verify.wrongRecoveryCodeWithoutCount");
      if (left > 0) return t("verify.wrongRecoveryCode", { count: left });
      return retryAt === undefined
        ? t("verify.recoveryCodesLockedNoTime")
        : t("verify.wrongRecoveryCodeLocked", { time: formatRetryTime(retryAt) });
    }
    case "recovery-codes-locked":
      return retryAt === undefined
        ? t("verify.recoveryCodesLockedNoTime")
        : t("verify.recoveryCodesLocked", { time: formatRetryTime(retryAt) });
    case "method-not-enabled":
      return t("verify.methodNotEnabled");
    case "method-already-enabled":
      return method === "totp" ? t("verify.appAlreadyEnabled") : t("verify.methodAlreadyEnabled");
    case "second-step-required":
      return t("verify.secondStepRequired");
    case "step-up-required":
      return t("verify.stepUpRequired");
    case "device-not-recognized":
      return t("verify.deviceNotRecognized");
    case "code-already-used":
      return method === "totp" ? t("verify.codeAlreadyUsed") : t("verify.sentCodeAlreadyUsed");
    case "passkey-failed":
      return t("verify.passkeyFailed");
    case "passkey-limit":
      return t("verify.passkeyLimit", { count: passkeyPolicy.maxKeys });
    case "wrong-password":
      return t("verify.wrongPassword");
    case "reset-link-invalid":
      return t("verify.resetLinkInvalid");
    case "email-not-after-reset":
      return t("verify.emailNotAfterReset");
    case "session-ended":
      return t("auth.sessionEnded.unknown");
    case "invalid-input":
      return describeInvalidInput(failure.issues);
    case undefined:
      return t("verify.somethingWentWrong");
  }
}

/** A request that never reached the server says so, rather than "something went wrong". */
function isNetworkFailure(error: unknown): boolean {
  return (
    error instanceof FirebaseError &&
    ["functions/unavailable", "unavailable", "auth/network-request-failed"].includes(error.code)
  );
}

/** Shorthand for callers that only need the sentence (call it while rendering, too). */
export function describeError(
  error: unknown,
  codeExpiresAt?: number,
  method?: TwoFactorMethod,
): string {
  const failure = toRefusal(error);
  if (!failure && isNetworkFailure(error)) return i18n.t("verify.networkFailed");
  return describeRefusal(failure, codeExpiresAt, method);
}

/**
 * A failed passkey attempt, from the browser's prompt or from the server: a closed or
 * timed-out prompt is not the same as a key the server refused.
 */
export function describePasskeyError(error: unknown): string {
  switch (classifyWebAuthnError(error)) {
    case "cancelled":
      return i18n.t("verify.passkeyCancelled");
    case "already-registered":
      return i18n.t("verify.passkeyAlreadyRegistered");
    case "unsupported":
      return i18n.t("verify.passkeyUnsupported");
    case "failed":
      return i18n.t("verify.passkeyBrowserFailed");
    case undefined:
      return describeError(error, undefined, "passkey");
  }
}

/** Whether trying the same passkey prompt again can help (it was closed or timed out). */
export function isPasskeyPromptCancelled(error: unknown): boolean {
  return classifyWebAuthnError(error) === "cancelled";
}
