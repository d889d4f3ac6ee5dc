import { useEffect, useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type {
  DeliveredMethod,
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
import { suggestedMethod, twoFactorStatusQueryOptions } from "@/lib/two-factor-status";
import { otherMethods } from "./method-order";
import { PasskeyChallenge } from "./passkey-challenge";
import { RecoveryCodeForm } from "./recovery-code-form";
import { RememberDeviceField } from "./remember-device-field";
import { forgetSentCode, recallSentCode, rememberSentCode } from "./sent-code-cache";

/** Where the code for one sent method stands; no entry yet means it is being sent. */
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

/** What is on screen: the chosen method, the list of the others, or a recovery code. */
type Mode = "method" | "choose" | "recovery";

/** A code past its expiry cannot be entered any more: switching back sends a new one. */
function hasExpired(sent: SendVerificationCodeResult): boolean {
  return sent.expiresAt <= Date.now();
}

function isDelivered(method: TwoFactorMethod): method is DeliveredMethod {
  return method === "email" || method === "phone";
}

let versions = 0;
const nextVersion = () => ++versions;

/**
 * The second factor, for the sign-in second step and for step-up alike. The strongest
 * enabled method comes first (a passkey, the authenticator app, then SMS and email);
 * "Use another method" lists the others, and a recovery code is always an option. A code
 * is sent only for email or SMS, and only once that method is on screen. A success signs
 * this browser in with the upgraded session (and, at sign-in, may remember it) before
 * `onVerified`.
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
  const chooserTitleId = `${ids}-chooser`;
  const [method, setMethod] = useState<TwoFactorMethod | undefined>(() => suggestedMethod(status));
  const [mode, setMode] = useState<Mode>(method ? "method" : "recovery");
  const [challenges, setChallenges] = useState<Partial<Record<DeliveredMethod, Challenge>>>({});
  const [remember, setRemember] = useState(false);
  // Focus follows what replaced the control the user pressed; on first render it goes to
  // the field (or button) of the suggested method.
  const [focusForm, setFocusForm] = useState(true);
  const firstChoiceRef = useRef<HTMLButtonElement>(null);
  // Which methods a code was requested for while this is open: each is sent once, also
  // when React runs effects twice in development or the user switches back and forth.
  const requestedRef = useRef(new Set<DeliveredMethod>());

  const rememberOffered = purpose === "sign-in";
  const others = otherMethods(status, method);

  async function sendCode(target: DeliveredMethod) {
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

  // A suggested email or SMS method gets its code as soon as this opens, once.
  useEffect(() => {
    if (method && isDelivered(method) && !requestedRef.current.has(method)) void sendCode(method);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on open only, by design
  }, []);

  // The list of methods takes focus from the button that opened it.
  useEffect(() => {
    if (mode === "choose") firstChoiceRef.current?.focus();
  }, [mode]);

  function sendAgain(target: DeliveredMethod) {
    setChallenges((previous) => ({ ...previous, [target]: undefined }));
    setFocusForm(true);
    void sendCode(target);
  }

  /** A method picked from the list: its code goes out unless one is on its way, or valid. */
  function chooseMethod(target: TwoFactorMethod) {
    setMethod(target);
    setMode("method");
    setFocusForm(true);
    if (!isDelivered(target)) return;
    const existing = challenges[target];
    if (!requestedRef.current.has(target)) void sendCode(target);
    else if (existing?.state === "sent" && hasExpired(existing.sent)) sendAgain(target);
  }

  function showChooser() {
    setMode("choose");
  }

  function showRecovery() {
    setFocusForm(true);
    setMode("recovery");
  }

  function showMethod() {
    setFocusForm(true);
    setMode("method");
    if (method && isDelivered(method) && !requestedRef.current.has(method)) void sendCode(method);
  }

  async function finish(
    result: SessionUpgrade & { rememberedDevice?: RememberedDeviceToken },
    usedMethod?: TwoFactorMethod,
  ) {
    if (usedMethod && isDelivered(usedMethod)) forgetSentCode(uid, purpose, usedMethod);
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

  const recoveryButton = (
    <button type="button" className="button" onClick={showRecovery}>
      {t("secondFactor.useRecoveryCode")}
    </button>
  );

  const otherMethodButton =
    others.length > 0 ? (
      <button type="button" className="button" onClick={showChooser}>
        {t("secondFactor.useOtherMethod")}
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
            {method && (
              <button type="button" className="button" onClick={showMethod}>
                {method === "passkey"
                  ? t("secondFactor.usePasskeyInstead")
                  : t("secondFactor.useCodeInstead")}
              </button>
            )}
            {cancelButton}
          </>
        }
      />
    );
  }

  if (mode === "choose") {
    return (
      <div className="stack">
        <div role="group" aria-labelledby={chooserTitleId} className="choice-group">
          <p id={chooserTitleId} className="choice-group-title">
            {t("secondFactor.chooserTitle")}
          </p>
          <ul className="method-choices">
            {others.map((option, index) => (
              <li key={option}>
                <button
                  ref={index === 0 ? firstChoiceRef : undefined}
                  type="button"
                  className="method-choice"
                  onClick={() => chooseMethod(option)}
                >
                  <span className="method-choice-name">
                    {t(`secondFactor.methodOptions.${option}`)}
                  </span>
                  <span className="choice-detail">
                    {t(`secondFactor.methodHints.${option}`, {
                      destination: keepTogether(status.methods[option]?.maskedDestination ?? ""),
                    })}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </div>
        <div className="actions">
          <button type="button" className="button" onClick={showMethod}>
            {t("secondFactor.backButton")}
          </button>
          {recoveryButton}
          {cancelButton}
        </div>
      </div>
    );
  }

  const actions = (
    <>
      {otherMethodButton}
      {recoveryButton}
    </>
  );

  if (!method) {
    return (
      <div className="stack">
        <p>{t("secondFactor.noMethods")}</p>
        <div className="actions">
          {recoveryButton}
          {cancelButton}
        </div>
      </div>
    );
  }

  if (method === "passkey") {
    return (
      <PasskeyChallenge
        purpose={purpose}
        rememberDevice={rememberOffered && remember}
        autoFocus={focusForm}
        onVerified={(result) => finish(result, "passkey")}
        extraFields={rememberField}
        extraActions={
          <>
            {actions}
            {cancelButton}
          </>
        }
      />
    );
  }

  if (method === "totp") {
    return (
      <VerificationCodeForm
        key="totp"
        request={{ purpose, method: "totp" }}
        rememberDevice={rememberOffered && remember}
        autoFocus={focusForm}
        onVerified={(result) => finish(result, "totp")}
        onCancel={onCancel}
        extraFields={rememberField}
        extraActions={actions}
      />
    );
  }

  const challenge = challenges[method];
  const maskedDestination = status.methods[method]?.maskedDestination ?? "";

  if (challenge?.state === "sent") {
    return (
      <VerificationCodeForm
        key={`${method}-${challenge.version}`}
        request={{ purpose, method }}
        sent={challenge.sent}
        rememberDevice={rememberOffered && remember}
        autoFocus={focusForm}
        onVerified={(result) => finish(result, method)}
        onCancel={onCancel}
        extraFields={rememberField}
        extraActions={actions}
      />
    );
  }

  return (
    <div className="stack">
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
        {actions}
        {cancelButton}
      </div>
    </div>
  );
}
