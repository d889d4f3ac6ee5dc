import { useEffect } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type {
  RefusalDetails,
  RememberedDeviceToken,
  SessionUpgrade,
  TwoFactorMethod,
  TwoFactorStatusDoc,
} from "@dash2fa/shared";
import { sendVerificationCode, VerificationCodeForm } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { saveRememberedDevice } from "@/lib/remembered-device";
import { upgradeSession, useSignedInUser } from "@/lib/session";
import { twoFactorStatusQueryOptions } from "@/lib/two-factor-status";
import { useMachine } from "@/lib/use-machine";
import {
  challengeTransition,
  initialChallengeState,
  type Resumed,
  isDelivered,
  methodsOffered,
  shown,
  wayBackFromRecovery,
  type ChallengeCommand,
  type ChallengeEvent,
} from "./challenge-state";
import { LockedPanel } from "./locked-panel";
import { MethodChooser } from "./method-chooser";
import { otherMethods } from "./method-order";
import { PasskeyChallenge } from "./passkey-challenge";
import { RecoveryCodeForm } from "./recovery-code-form";
import { RememberDeviceField } from "./remember-device-field";
import { SendCodePanel } from "./send-code-panel";
import {
  forgetChosenMethod,
  forgetSentCode,
  recallChosenMethod,
  recallSentCode,
  rememberChosenMethod,
  rememberSentCode,
} from "./sent-code-cache";
import { toRefusal } from "@/lib/firebase";

/** The method this tab chose before a reload, with the code it still holds for it. */
function resumedChallenge(uid: string, purpose: "sign-in" | "step-up"): Resumed | undefined {
  const method = recallChosenMethod(uid, purpose);
  if (!method) return undefined;
  return { method, sent: isDelivered(method) ? recallSentCode(uid, purpose, method) : undefined };
}

/** The lock's end is acted on this long after it, so that the server's clock agrees. */
const LOCK_END_MARGIN_MS = 1000;

export interface SecondStepChallengeProps {
  purpose: "sign-in" | "step-up";
  status: TwoFactorStatusDoc;
  /** Called once the session is upgraded (the new claims are in place). */
  onVerified: () => void;
  /** Shows Cancel buttons when given (the step-up dialog). */
  onCancel?: () => void;
}

/**
 * The second factor, for the sign-in second step and for step-up alike. The strongest
 * enabled method comes first (a passkey, the authenticator app, then SMS and email);
 * "Use another method" lists the others, and a recovery code is always an option. A code
 * is sent only for email or SMS, and only when the person asks for it: by choosing the
 * method, by "Send code", or by having used it last (it is sent as the page opens). A success signs
 * this browser in with the upgraded session (and, at sign-in, may remember it) before
 * `onVerified`. Which step shows, and when a code goes out, is `challengeTransition`'s.
 */
export function SecondStepChallenge({
  purpose,
  status,
  onVerified,
  onCancel,
}: SecondStepChallengeProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const queryClient = useQueryClient();

  async function sendCode({ method }: ChallengeCommand, dispatch: (event: ChallengeEvent) => void) {
    try {
      const sent = await sendVerificationCode({ purpose, method });
      rememberSentCode(uid, sent);
      dispatch({ type: "code-sent", method, sent });
    } catch (error) {
      const refusal = toRefusal(error);
      dispatch({
        type: "send-failed",
        method,
        error,
        reason: refusal?.reason,
        ...(refusal?.retryAt === undefined ? {} : { retryAt: refusal.retryAt }),
        ...(refusal?.limit === undefined ? {} : { limit: refusal.limit }),
        earlier: recallSentCode(uid, purpose, method),
      });
    }
  }

  const [state, dispatch] = useMachine(
    challengeTransition,
    () => initialChallengeState(status, resumedChallenge(uid, purpose)),
    (command: ChallengeCommand, dispatch: (event: ChallengeEvent) => void) =>
      void sendCode(command, dispatch),
  );
  const { method, remember, focusForm } = state;
  const step = shown(state);

  useEffect(() => {
    if (method) rememberChosenMethod(uid, purpose, method);
  }, [uid, purpose, method]);

  useEffect(() => dispatch({ type: "opened" }), [dispatch]);

  // The code methods come back when the lock's time has come (a moment after, so the
  // server, whose clock decides, agrees).
  const lockUntil = state.lock?.until;
  useEffect(() => {
    if (lockUntil === undefined) return;
    const timer = window.setTimeout(
      () => dispatch({ type: "lock-ended", now: Date.now() }),
      Math.max(0, lockUntil - Date.now()) + LOCK_END_MARGIN_MS,
    );
    return () => window.clearTimeout(timer);
  }, [lockUntil, dispatch]);

  const rememberOffered = purpose === "sign-in";
  const others = methodsOffered(state, otherMethods(status, method));
  const passkeyEnabled = status.methods.passkey?.enabled === true;
  const reportFailure = (failure: RefusalDetails) => dispatch({ type: "code-refused", failure });

  async function finish(
    result: SessionUpgrade & { rememberedDevice?: RememberedDeviceToken },
    usedMethod?: TwoFactorMethod,
  ) {
    if (isDelivered(usedMethod)) forgetSentCode(uid, purpose, usedMethod);
    forgetChosenMethod(uid, purpose);
    if (result.rememberedDevice) saveRememberedDevice(uid, result.rememberedDevice);
    await upgradeSession(result.customToken);
    // The last used method and the recovery codes left may have changed.
    void queryClient.invalidateQueries({ queryKey: twoFactorStatusQueryOptions(uid).queryKey });
    onVerified();
  }

  const showMethod = () => dispatch({ type: "method-shown" });
  const choosePasskey = () =>
    dispatch({ type: "method-chosen", method: "passkey", now: Date.now() });
  const wayBack = wayBackFromRecovery(state);

  const rememberField = rememberOffered ? (
    <RememberDeviceField
      checked={remember}
      onChange={(checked) => dispatch({ type: "remember-changed", remember: checked })}
    />
  ) : null;

  const cancelButton = onCancel ? (
    <button type="button" className="button button-quiet" onClick={onCancel}>
      {t("secondFactor.cancelButton")}
    </button>
  ) : null;

  const recoveryButton = (
    <button type="button" className="button" onClick={() => dispatch({ type: "recovery-chosen" })}>
      {t("secondFactor.useRecoveryCode")}
    </button>
  );

  const openChooser = () => dispatch({ type: "chooser-opened" });
  const actions = (
    <>
      {others.length > 0 && (
        <button type="button" className="button" onClick={openChooser}>
          {t("secondFactor.useOtherMethod")}
        </button>
      )}
      {recoveryButton}
    </>
  );

  switch (step.kind) {
    case "recovery":
      return (
        <RecoveryCodeForm
          purpose={purpose}
          rememberDevice={rememberOffered && remember}
          onVerified={(result) => finish(result)}
          autoFocus={focusForm}
          extraFields={rememberField}
          extraActions={
            <>
              {wayBack && (
                <button type="button" className="button" onClick={showMethod}>
                  {wayBack === "passkey"
                    ? t("secondFactor.usePasskeyInstead")
                    : wayBack === "code"
                      ? t("secondFactor.useCodeInstead")
                      : t("secondFactor.backButton")}
                </button>
              )}
              {cancelButton}
            </>
          }
        />
      );

    case "choose":
      return (
        <MethodChooser
          methods={others}
          status={status}
          sendsBlockedUntil={state.sendsBlockedUntil}
          onChoose={(option) =>
            dispatch({ type: "method-chosen", method: option, now: Date.now() })
          }
          actions={
            <>
              <button type="button" className="button" onClick={showMethod}>
                {t("secondFactor.backButton")}
              </button>
              {recoveryButton}
              {cancelButton}
            </>
          }
        />
      );

    case "no-methods":
      return (
        <div className="stack">
          <p>{t("secondFactor.noMethods")}</p>
          <div className="actions">
            {recoveryButton}
            {cancelButton}
          </div>
        </div>
      );

    case "passkey":
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

    case "app":
      return (
        <VerificationCodeForm
          key="totp"
          request={{ purpose, method: "totp" }}
          rememberDevice={rememberOffered && remember}
          autoFocus={focusForm}
          onVerified={(result) => finish(result, "totp")}
          onFailure={reportFailure}
          onCancel={onCancel}
          extraFields={rememberField}
          extraActions={actions}
        />
      );

    case "code": {
      // Undelivered: another method comes first, in place of the usual button for it.
      const offerOther = step.undelivered && others.length > 0;
      const sentFor = step.sent;
      return (
        <VerificationCodeForm
          key={`${step.method}-${step.version}`}
          request={{ purpose, method: step.method }}
          sent={step.sent}
          rememberDevice={rememberOffered && remember}
          autoFocus={focusForm}
          onVerified={(result) => finish(result, step.method)}
          onFailure={reportFailure}
          onDeliveryFailed={() =>
            dispatch({ type: "delivery-failed", method: step.method, sent: sentFor })
          }
          whenUndelivered={
            offerOther
              ? { label: t("secondFactor.useOtherMethod"), onSelect: openChooser }
              : undefined
          }
          onCancel={onCancel}
          extraFields={rememberField}
          extraActions={offerOther ? recoveryButton : actions}
        />
      );
    }

    case "locked":
      return (
        <LockedPanel
          key={step.version}
          failure={step.failure}
          timed={step.until !== undefined}
          passkeyEnabled={passkeyEnabled}
          autoFocus={focusForm}
          onPasskey={choosePasskey}
          onRecoveryCode={() => dispatch({ type: "recovery-chosen" })}
          extraActions={cancelButton}
        />
      );

    case "ready":
    case "sending":
    case "send-failed":
      return (
        <SendCodePanel
          step={step}
          destination={status.methods[step.method]?.maskedDestination ?? ""}
          autoFocus={focusForm}
          onSend={(sendFor) =>
            dispatch(
              step.kind === "ready"
                ? { type: "send-pressed" }
                : { type: "send-again", method: sendFor },
            )
          }
          actions={
            <>
              {actions}
              {cancelButton}
            </>
          }
        />
      );
  }
}
