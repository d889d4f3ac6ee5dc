import { useEffect, useId, useRef, type FormEvent, type ReactNode } from "react";
import {
  verificationPolicy,
  type SendVerificationCodeResult,
  type RefusalDetails,
  type VerificationPurpose,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import type { SendVerificationCodeInput } from "@dash2fa/shared/phone";
import { Field } from "@/components/field";
import {
  formatClockTime,
  formatClockTimeWithSeconds,
  formatDuration,
  secondsUntil,
} from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import { keepTogether } from "@/lib/text";
import { useMachine } from "@/lib/use-machine";
import { useNow } from "@/lib/use-now";
import { shownDeliveryState, useDeliveryStatus } from "./api/get-delivery-status";
import { useSendVerificationCode } from "./api/send-verification-code";
import { useVerifyCode } from "./api/verify-code";
import {
  attemptsLeftShown,
  codeFormTransition,
  deliveryNotice,
  followsDelivery,
  initialCodeFormState,
  isBusy,
  resendOffered,
  type CodeFormCommand,
  type CodeFormEvent,
  type Problem,
  type Rejection,
} from "./code-form-state";
import { describeError, describeRefusal } from "./describe-refusal";
import { toRefusal } from "@/lib/firebase";

/** A code the server sent (email, phone): resending, delivery and expiry apply to it. */
interface SentCodeSource {
  /**
   * What was sent, for any purpose (enrol, sign-in, step-up): purpose and method come
   * from here, and "Resend code" sends it again.
   */
  request: SendVerificationCodeInput;
  /** The answer to the send that showed the form. */
  sent: SendVerificationCodeResult;
}

/**
 * A code the authenticator app shows: nothing is sent, so there is nothing to resend,
 * no delivery to follow and no expiry to count down.
 */
interface AppCodeSource {
  request: { purpose: VerificationPurpose; method: "totp" };
  sent?: undefined;
}

export type VerificationCodeFormProps = (SentCodeSource | AppCodeSource) & CodeFormOptions;

interface CodeFormOptions {
  /** Sign-in only: ask the server to remember this browser too. */
  rememberDevice?: boolean;
  /**
   * Runs after the server accepted the code; while it runs the form stays busy, and if
   * it throws, its error is shown like a refusal (the code is spent by then).
   */
  onVerified: (result: VerifyCodeResult) => void | Promise<void>;
  /** Shows a Cancel button when given. */
  onCancel?: () => void;
  /** Labels the form's text for assistive technology (the dialog's description). */
  descriptionId?: string;
  /** Extra controls between the field and the buttons (e.g. "Remember this device"). */
  extraFields?: ReactNode;
  /** Extra buttons after Verify and Resend (e.g. "Use a recovery code"). */
  extraActions?: ReactNode;
  /** Focus the code field when the form appears (default true). */
  autoFocus?: boolean;
  /** Told about every refusal the server explained, after it is shown. */
  onFailure?: (failure: RefusalDetails) => void;
  /**
   * What to offer at once when the message could not be delivered: check or change the
   * destination (enrolling), or another method (signing in).
   */
  whenUndelivered?: { label: string; onSelect: () => void } | undefined;
  /** Told once the message with the code is known not to have been delivered. */
  onDeliveryFailed?: () => void;
}

/**
 * How long after the last digit the code submits by itself: long enough to see the digit
 * land (and to take back a slip), short enough to feel immediate. A press of Verify in
 * that moment submits instead, once.
 */
export const AUTO_SUBMIT_DELAY_MS = 250;

/** A failed call as the form's events carry it: the refusal explained, if it was one. */
function rejection(error: unknown): Rejection {
  const failure = toRefusal(error);
  return failure ? { failure } : { error };
}

/**
 * The one form that asks for a code (sent, or shown by the authenticator app), in the
 * verify dialog, the step-up dialog, the authenticator app setup and inline on the
 * second-step page, so the field, Verify and Resend behave the same everywhere. What it
 * does is decided by `codeFormTransition`; this renders that and runs its commands.
 */
export function VerificationCodeForm({
  request,
  sent: initiallySent,
  rememberDevice,
  onVerified,
  onCancel,
  descriptionId,
  extraFields,
  extraActions,
  autoFocus = true,
  onFailure,
  whenUndelivered,
  onDeliveryFailed,
}: VerificationCodeFormProps) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = `${useId()}-error`;
  const autoSubmitRef = useRef<number | undefined>(undefined);
  const [now, refreshNow] = useNow();
  const verify = useVerifyCode();
  const resend = useSendVerificationCode();
  const fromApp = request.method === "totp";

  function run(command: CodeFormCommand, dispatch: (event: CodeFormEvent) => void) {
    switch (command.type) {
      case "verify":
        verify
          .mutateAsync({
            purpose: request.purpose,
            method: request.method,
            code: command.code,
            ...(rememberDevice ? { rememberDevice: true } : {}),
          })
          .then(
            (result) => dispatch({ type: "verified", result }),
            (error: unknown) => dispatch({ type: "verify-failed", ...rejection(error) }),
          );
        return;
      case "finish":
        void (async () => {
          try {
            await onVerified(command.result);
            dispatch({ type: "finished" });
          } catch (error) {
            dispatch({ type: "finish-failed", ...rejection(error) });
          }
        })();
        return;
      case "resend":
        if (request.method === "totp") return;
        resend.mutateAsync(request).then(
          (sent) => dispatch({ type: "resent", sent }),
          (error: unknown) => dispatch({ type: "resend-failed", ...rejection(error) }),
        );
        return;
      case "schedule-submit":
        window.clearTimeout(autoSubmitRef.current);
        autoSubmitRef.current = window.setTimeout(
          () => dispatch({ type: "submitted", code: command.code }),
          AUTO_SUBMIT_DELAY_MS,
        );
        return;
      case "cancel-submit":
        window.clearTimeout(autoSubmitRef.current);
        return;
      case "focus-field":
        if (command.select) inputRef.current?.select();
        inputRef.current?.focus();
        return;
      case "refresh-clock":
        refreshNow();
        return;
      case "report-failure":
        onFailure?.(command.failure);
        return;
    }
  }

  const [state, dispatch] = useMachine(
    codeFormTransition,
    () => initialCodeFormState(initiallySent, fromApp),
    run,
  );

  // The message with the current code, followed while the form is open.
  const deliveryQuery = useDeliveryStatus(
    request.method === "totp" ? undefined : { purpose: request.purpose, method: request.method },
    state.sent,
    followsDelivery(state),
  );
  const delivery = deliveryNotice(shownDeliveryState(deliveryQuery));

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  const deliveryFailed = delivery.failed;
  useEffect(() => {
    if (deliveryFailed) onDeliveryFailed?.();
    // Told once per failure, not again when the caller passes a new function.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [deliveryFailed]);

  useEffect(() => () => window.clearTimeout(autoSubmitRef.current), []);

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    dispatch({ type: "submitted", code: state.code });
  }

  function describe(problem: Problem): string {
    return "failure" in problem
      ? describeRefusal(problem.failure, problem.codeExpiresAt, request.method)
      : describeError(problem.error);
  }

  const { sent, alert, resent } = state;
  const attemptsLeft = attemptsLeftShown(state);
  const resendWaitSeconds = secondsUntil(state.resendBlockedUntil, now);
  const canResend = resendWaitSeconds === 0;
  // Not while codes are locked: a send would be refused. It comes back when the lock ends.
  const offersResend = resendOffered(state, now);

  return (
    <form className="stack" noValidate onSubmit={handleSubmit}>
      <div id={descriptionId}>
        {sent ? (
          <>
            {/*
              Stays in the page so each step is announced politely; a failure replaces it with
              an alert, because the user has to act on it.
            */}
            <p>{t("verify.sentTo", { destination: keepTogether(sent.maskedDestination) })}</p>
            <p aria-live="polite" className="delivery-status">
              {delivery.line && t(`verify.delivery.${delivery.line}`)}
            </p>
            {delivery.failed && (
              <p role="alert" className="delivery-status delivery-status-failed">
                {t(`verify.undelivered.${sent.method}`, {
                  destination: keepTogether(sent.maskedDestination),
                })}
              </p>
            )}
            {state.spent ? (
              <p>
                {t("verify.codeSpent", {
                  time: formatClockTime(Math.max(state.resendBlockedUntil, now)),
                })}
              </p>
            ) : (
              // A code that never arrived has no expiry or attempts worth reading.
              !delivery.failed && (
                <>
                  <p>{t("verify.expiresAt", { time: formatClockTime(sent.expiresAt) })}</p>
                  {attemptsLeft !== undefined && (
                    <p>{t("verify.attemptsLeft", { count: attemptsLeft })}</p>
                  )}
                </>
              )
            )}
          </>
        ) : (
          <p>{t("verify.appCodePrompt", { length: String(verificationPolicy.codeLength) })}</p>
        )}
      </div>

      {/* No maxLength: "123 456" and "123-456" must paste whole; the schema strips them. */}
      <Field
        ref={inputRef}
        label={t("verify.codeLabel")}
        hint={t("verify.codeHint", { count: verificationPolicy.codeLength })}
        errorElsewhere={alert ? errorId : undefined}
        name="code"
        type="text"
        inputClassName="code-input"
        inputMode="numeric"
        autoComplete="one-time-code"
        enterKeyHint="done"
        spellCheck={false}
        value={state.code}
        onChange={(event) => dispatch({ type: "typed", value: event.target.value })}
      />

      {extraFields}

      {alert && (
        <p key={alert.key} id={errorId} role="alert" className="alert alert-error">
          {describe(alert.message)}
        </p>
      )}
      <p role="status" className="notice live-region">
        {resent && (
          <span key={resent.key}>
            {t("verify.resent", { destination: keepTogether(resent.message) })}
          </span>
        )}
      </p>

      <div className="actions">
        {delivery.failed && whenUndelivered && (
          <button
            type="button"
            className="button button-primary"
            onClick={whenUndelivered.onSelect}
          >
            {whenUndelivered.label}
          </button>
        )}
        {/* A spent code can verify nothing: a new one is the only way on. */}
        {!state.spent && (
          <button
            type="submit"
            className={delivery.failed && whenUndelivered ? "button" : "button button-primary"}
            aria-busy={isBusy(state)}
          >
            {t("verify.verifyButton")}
          </button>
        )}
        {offersResend && (
          <button
            type="button"
            className="button"
            disabled={!canResend || state.resending}
            onClick={() => dispatch({ type: "resend-pressed" })}
          >
            {canResend
              ? t("verify.resendButton")
              : t("verify.resendIn", { wait: formatDuration(resendWaitSeconds) })}
          </button>
        )}
        {extraActions}
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t("verify.cancelButton")}
          </button>
        )}
      </div>

      {/*
        The button counts down every second; this announces only its start and end (also
        the end of a lock, which hides the button meanwhile).
      */}
      {!fromApp && (
        <p aria-live="polite" className="visually-hidden">
          {offersResend &&
            (canResend
              ? t("verify.resendAvailable")
              : t("verify.resendWaitAnnouncement", {
                  time: formatClockTimeWithSeconds(state.resendBlockedUntil),
                }))}
        </p>
      )}
    </form>
  );
}
