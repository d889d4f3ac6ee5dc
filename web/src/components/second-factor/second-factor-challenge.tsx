import { useEffect, useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type {
  RememberedDeviceToken,
  SendVerificationCodeResult,
  SessionUpgrade,
  TwoFactorMethod,
  TwoFactorStatusDoc,
} from "@dash2fa/shared";
import {
  describeError,
  sendVerificationCode,
  toFailure,
  VerificationCodeForm,
} from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { saveRememberedDevice } from "@/lib/remembered-device";
import { keepTogether } from "@/lib/text";
import { upgradeSession, useSignedInUser } from "@/lib/session";
import {
  enabledMethods,
  preferredMethod,
  twoFactorStatusQueryOptions,
} from "@/lib/two-factor-status";
import { RecoveryCodeForm } from "./recovery-code-form";
import { RememberDeviceField } from "./remember-device-field";
import { forgetSentCode, recallSentCode, rememberSentCode } from "./sent-code-cache";

/** Where the code for one method stands; no entry yet means it is being sent. */
type Challenge =
  | { state: "sent"; sent: SendVerificationCodeResult; version: number }
  | { state: "failed"; error: unknown; retryable: boolean; version: number };

export interface SecondFactorChallengeProps {
  purpose: "sign-in" | "step-up";
  status: TwoFactorStatusDoc;
  /** Called once the session is upgraded (the new claims are in place). */
  onVerified: () => void;
  /** Shows Cancel buttons when given (the step-up dialog). */
  onCancel?: () => void;
}

/** A code past its expiry cannot be entered any more: switching back sends a new one. */
function hasExpired(sent: SendVerificationCodeResult): boolean {
  return sent.expiresAt <= Date.now();
}

let versions = 0;
const nextVersion = () => ++versions;

/**
 * The second factor, for the sign-in second step and for step-up alike: choose one of the
 * enabled methods (the last used one first; its code is sent at once), enter the code,
 * or use a recovery code instead. A success signs this browser in with the upgraded
 * session (and, at sign-in, may remember it) before `onVerified`.
 */
export function SecondFactorChallenge({
  purpose,
  status,
  onVerified,
  onCancel,
}: SecondFactorChallengeProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const queryClient = useQueryClient();
  const ids = useId();
  const methods = enabledMethods(status);
  const [method, setMethod] = useState<TwoFactorMethod | undefined>(() => preferredMethod(status));
  const [mode, setMode] = useState<"code" | "recovery">(method ? "code" : "recovery");
  const [challenges, setChallenges] = useState<Partial<Record<TwoFactorMethod, Challenge>>>({});
  const [remember, setRemember] = useState(false);
  // Focus follows a form that replaces the control the user pressed, but not a radio
  // button being arrowed through.
  const [focusForm, setFocusForm] = useState(true);
  // Which methods a code was requested for while this is open: each is sent once, also
  // when React runs effects twice in development or the user switches back and forth.
  const requestedRef = useRef(new Set<TwoFactorMethod>());

  const rememberOffered = purpose === "sign-in";

  async function sendCode(target: TwoFactorMethod) {
    requestedRef.current.add(target);
    let outcome: Challenge;
    try {
      const sent = await sendVerificationCode({ purpose, method: target });
      rememberSentCode(uid, sent);
      outcome = { state: "sent", sent, version: nextVersion() };
    } catch (error) {
      // Refused as too soon: the code sent a moment ago (say, before a reload) still works.
      const reason = toFailure(error)?.reason;
      const resumable = reason === "cooldown" ? recallSentCode(uid, purpose, target) : undefined;
      outcome = resumable
        ? { state: "sent", sent: resumable, version: nextVersion() }
        : {
            state: "failed",
            error,
            // Only a recovery code (or support) ends these; sending again cannot help.
            retryable: reason !== "locked-until-recovery" && reason !== "method-not-enabled",
            version: nextVersion(),
          };
    }
    setChallenges((previous) => ({ ...previous, [target]: outcome }));
  }

  // The preselected method's code goes out as soon as this opens, once.
  useEffect(() => {
    if (method && !requestedRef.current.has(method)) void sendCode(method);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on open only, by design
  }, []);

  function selectMethod(next: TwoFactorMethod) {
    setMethod(next);
    setFocusForm(false);
    if (!requestedRef.current.has(next)) void sendCode(next);
  }

  function sendAgain(target: TwoFactorMethod) {
    setChallenges((previous) => ({ ...previous, [target]: undefined }));
    setFocusForm(true);
    void sendCode(target);
  }

  /**
   * "Use another method" after the message with the code could not be delivered: the other
   * method's code goes out unless one is already on its way (or waiting, still valid).
   */
  function switchToMethod(target: TwoFactorMethod) {
    setMethod(target);
    setFocusForm(true);
    const existing = challenges[target];
    if (!requestedRef.current.has(target)) void sendCode(target);
    else if (existing?.state === "sent" && hasExpired(existing.sent)) {
      sendAgain(target);
    }
  }

  function showRecovery() {
    setFocusForm(true);
    setMode("recovery");
  }

  function showCode() {
    setFocusForm(true);
    setMode("code");
    if (method && !requestedRef.current.has(method)) void sendCode(method);
  }

  async function finish(
    result: SessionUpgrade & { rememberedDevice?: RememberedDeviceToken },
    usedMethod?: TwoFactorMethod,
  ) {
    if (usedMethod) forgetSentCode(uid, purpose, usedMethod);
    if (result.rememberedDevice) saveRememberedDevice(uid, result.rememberedDevice);
    await upgradeSession(result.customToken);
    // The last used method and the recovery codes left may have changed.
    void queryClient.invalidateQueries({ queryKey: twoFactorStatusQueryOptions(uid).queryKey });
    onVerified();
  }

  const rememberField = rememberOffered ? (
    <RememberDeviceField checked={remember} onChange={setRemember} />
  ) : null;

  const cancelButton = onCancel ? (
    <button type="button" className="button button-quiet" onClick={onCancel}>
      {t("secondFactor.cancelButton")}
    </button>
  ) : null;

  if (mode === "recovery") {
    return (
      <RecoveryCodeForm
        purpose={purpose}
        rememberDevice={rememberOffered && remember}
        onVerified={(result) => finish(result)}
        autoFocus={focusForm}
        extraFields={rememberField}
        extraActions={
          <>
            {methods.length > 0 && (
              <button type="button" className="button" onClick={showCode}>
                {t("secondFactor.useCodeInstead")}
              </button>
            )}
            {cancelButton}
          </>
        }
      />
    );
  }

  const recoveryButton = (
    <button type="button" className="button" onClick={showRecovery}>
      {t("secondFactor.useRecoveryCode")}
    </button>
  );
  const challenge = method ? challenges[method] : undefined;
  const otherMethod = methods.find((option) => option !== method);
  const otherMethodButton = otherMethod ? (
    <button type="button" className="button" onClick={() => switchToMethod(otherMethod)}>
      {t("secondFactor.useOtherMethod")}
    </button>
  ) : null;
  const maskedDestination = method ? (status.methods[method]?.maskedDestination ?? "") : "";

  return (
    <div className="stack">
      {methods.length > 1 && (
        <fieldset className="choice-group">
          <legend>{t("secondFactor.chooseMethodLegend")}</legend>
          {methods.map((option) => (
            <label key={option} className="choice">
              <input
                type="radio"
                name={`${ids}-method`}
                value={option}
                checked={method === option}
                onChange={() => selectMethod(option)}
              />
              <span>
                {t(`methods.${option}`)}{" "}
                <span className="choice-detail">
                  {keepTogether(status.methods[option]?.maskedDestination ?? "")}
                </span>
              </span>
            </label>
          ))}
        </fieldset>
      )}

      {!method ? (
        <>
          <p>{t("secondFactor.noMethods")}</p>
          <div className="actions">
            {recoveryButton}
            {cancelButton}
          </div>
        </>
      ) : challenge?.state === "sent" ? (
        <VerificationCodeForm
          key={`${method}-${challenge.version}`}
          request={{ purpose, method }}
          sent={challenge.sent}
          rememberDevice={rememberOffered && remember}
          autoFocus={focusForm}
          onVerified={(result) => finish(result, method)}
          onCancel={onCancel}
          extraFields={rememberField}
          extraActions={recoveryButton}
          deliveryFailedActions={otherMethodButton}
        />
      ) : (
        <>
          {challenge?.state === "failed" ? (
            <p key={challenge.version} role="alert" className="alert alert-error">
              {describeError(challenge.error)}
            </p>
          ) : (
            <p aria-live="polite" className="sending">
              {t("secondFactor.sending", { destination: keepTogether(maskedDestination) })}
            </p>
          )}
          <div className="actions">
            {challenge?.state === "failed" && challenge.retryable && (
              <button type="button" className="button" onClick={() => sendAgain(method)}>
                {t("secondFactor.sendAgainButton")}
              </button>
            )}
            {recoveryButton}
            {cancelButton}
          </div>
        </>
      )}
    </div>
  );
}
