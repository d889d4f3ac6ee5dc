import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  verificationCodeSchema,
  verificationPolicy,
  type SendVerificationCodeResult,
  type VerificationFailureDetails,
  type VerificationPurpose,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import type { SendVerificationCodeInput } from "@dash2fa/shared/phone";
import {
  formatClockTime,
  formatClockTimeWithSeconds,
  formatDuration,
  secondsUntil,
} from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import { keepTogether } from "@/lib/text";
import { useNow } from "@/lib/use-now";
import { shownDeliveryState, useDeliveryStatus } from "./api/get-delivery-status";
import { useSendVerificationCode } from "./api/send-verification-code";
import { useVerifyCode } from "./api/verify-code";
import { describeError, describeFailure, toFailure } from "./describe-failure";

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
  onFailure?: (failure: VerificationFailureDetails) => void;
}

/**
 * The alert is re-keyed on every failure so an identical message is announced again; its
 * words are made while rendering, so they follow a change of language.
 */
interface Alert {
  id: number;
  describe: () => string;
}

/** A whole code once spaces and dashes are gone: typing its last digit submits it. */
function isCompleteCode(value: string): boolean {
  return verificationCodeSchema.safeParse(value).success;
}

/**
 * How long after the last digit the code submits by itself: long enough to see the digit
 * land (and to take back a slip), short enough to feel immediate. A press of Verify in
 * that moment submits instead, once.
 */
export const AUTO_SUBMIT_DELAY_MS = 250;

/**
 * The one form that asks for a code (sent, or shown by the authenticator app), in the
 * verify dialog, the step-up dialog, the authenticator app setup and inline on the
 * second-step page, so the field, Verify and Resend behave the same everywhere.
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
}: VerificationCodeFormProps) {
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const inputId = `${ids}-code`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;

  const [sent, setSent] = useState(initiallySent);
  const [code, setCode] = useState("");
  const [alert, setAlert] = useState<Alert | null>(null);
  const [resentTo, setResentTo] = useState<string | null>(null);
  const [finishing, setFinishing] = useState(false);
  const [resendBlockedUntil, setResendBlockedUntil] = useState(
    initiallySent?.resendAvailableAt ?? 0,
  );
  const [now, refreshNow] = useNow();
  const verify = useVerifyCode();
  const resend = useSendVerificationCode();
  // The message with the current code, followed while the form is open; a verified code
  // is spent, so the question stops once the server accepted it.
  const fromApp = request.method === "totp";
  const delivery = useDeliveryStatus(
    request.method === "totp" ? undefined : { purpose: request.purpose, method: request.method },
    sent,
    !finishing,
  );
  const deliveryState = shownDeliveryState(delivery);
  const deliveryFailed = deliveryState === "failed";
  // Set synchronously, unlike the mutation's state: the sixth digit submits, and a press of
  // Verify right after must not send the same code a second time.
  const inFlightRef = useRef(false);
  // The code the server just called wrong, and why: sending it again would only burn an
  // attempt, so pressing Verify on it repeats the answer instead.
  const refusedRef = useRef<{ code: string; describe: () => string } | null>(null);
  const autoSubmitRef = useRef<number | undefined>(undefined);

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  useEffect(() => () => window.clearTimeout(autoSubmitRef.current), []);

  function showAlert(describe: () => string) {
    refreshNow();
    setResentTo(null);
    setAlert((previous) => ({ id: (previous?.id ?? 0) + 1, describe }));
    inputRef.current?.select();
    inputRef.current?.focus();
  }

  function showFailure(failure: VerificationFailureDetails | undefined) {
    // Keep resending in step with what the server will accept next.
    switch (failure?.reason) {
      case "wrong-code":
        if (failure.attemptsLeft === 0 && sent) setResendBlockedUntil(sent.expiresAt);
        break;
      case "attempts-exhausted":
      case "cooldown":
      case "rate-limited":
      case "locked":
        if (failure.retryAt !== undefined) setResendBlockedUntil(failure.retryAt);
        break;
      case "expired":
      case "no-active-code":
        setResendBlockedUntil(0);
        break;
    }
    const expiresAt = sent?.expiresAt;
    const { method } = request;
    showAlert(() => describeFailure(failure, expiresAt, method));
    if (failure) onFailure?.(failure);
  }

  function showError(error: unknown) {
    const failure = toFailure(error);
    if (failure) showFailure(failure);
    else showAlert(() => describeError(error));
  }

  function showRefusal(code: string, failure: VerificationFailureDetails) {
    const expiresAt = sent?.expiresAt;
    const { method } = request;
    // An app code refused now may be accepted later (a phone clock running ahead), so
    // only a sent code's wrong digits are answered without asking the server again.
    if (!fromApp) {
      refusedRef.current = { code, describe: () => describeFailure(failure, expiresAt, method) };
    }
    showFailure(failure);
  }

  const busy = verify.isPending || finishing;

  async function submit(value: string) {
    window.clearTimeout(autoSubmitRef.current);
    if (inFlightRef.current) return;
    const parsed = verificationCodeSchema.safeParse(value);
    if (!parsed.success) {
      showFailure({ reason: "invalid-input", issues: [{ path: "code", message: "" }] });
      return;
    }
    if (parsed.data === refusedRef.current?.code) {
      showAlert(refusedRef.current.describe);
      return;
    }
    inFlightRef.current = true;
    try {
      let result: VerifyCodeResult;
      try {
        result = await verify.mutateAsync({
          purpose: request.purpose,
          method: request.method,
          code: parsed.data,
          ...(rememberDevice ? { rememberDevice: true } : {}),
        });
      } catch (error) {
        const failure = toFailure(error);
        if (failure?.reason === "wrong-code") showRefusal(parsed.data, failure);
        else showError(error);
        return;
      }
      setFinishing(true);
      try {
        await onVerified(result);
      } catch (error) {
        showError(error);
      } finally {
        setFinishing(false);
      }
    } finally {
      inFlightRef.current = false;
    }
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void submit(code);
  }

  function handleChange(value: string) {
    const wasComplete = isCompleteCode(code);
    setCode(value);
    window.clearTimeout(autoSubmitRef.current);
    // Only the change that completes the code submits it (typing, pasting "123 456" or
    // an autofilled one-time code); editing a complete code waits for Verify.
    if (!wasComplete && isCompleteCode(value)) {
      autoSubmitRef.current = window.setTimeout(() => void submit(value), AUTO_SUBMIT_DELAY_MS);
    }
  }

  function handleResend() {
    if (resend.isPending || request.method === "totp") return;
    resend.mutate(request, {
      onSuccess: (next: SendVerificationCodeResult) => {
        refreshNow();
        setSent(next);
        setResendBlockedUntil(next.resendAvailableAt);
        setCode("");
        setAlert(null);
        refusedRef.current = null;
        setResentTo(next.maskedDestination);
        inputRef.current?.focus();
      },
      onError: showError,
    });
  }

  const resendWaitSeconds = secondsUntil(resendBlockedUntil, now);
  const canResend = resendWaitSeconds === 0;

  return (
    <form className="stack" noValidate onSubmit={handleSubmit}>
      <div id={descriptionId}>
        {sent ? (
          <>
            <p>{t("verify.sentTo", { destination: keepTogether(sent.maskedDestination) })}</p>
            {/*
              Stays in the page so each step is announced politely; a failure replaces it with
              an alert, because the user has to act on it. No line at all when no code is
              pending.
            */}
            <p aria-live="polite" className="delivery-status">
              {deliveryState && !deliveryFailed && t(`verify.delivery.${deliveryState}`)}
            </p>
            {deliveryFailed && (
              <p role="alert" className="delivery-status delivery-status-failed">
                {t("verify.delivery.failed")}
              </p>
            )}
            <p>{t("verify.expiresAt", { time: formatClockTime(sent.expiresAt) })}</p>
            {sent.attemptsLeft < verificationPolicy.maxFailedAttempts && (
              <p>{t("verify.attemptsLeft", { count: sent.attemptsLeft })}</p>
            )}
          </>
        ) : (
          <p>{t("verify.appCodePrompt", { length: String(verificationPolicy.codeLength) })}</p>
        )}
      </div>

      <div className="field">
        <label htmlFor={inputId}>{t("verify.codeLabel")}</label>
        <p id={hintId} className="field-hint">
          {t("verify.codeHint", { count: verificationPolicy.codeLength })}
        </p>
        {/* No maxLength: "123 456" and "123-456" must paste whole; the schema strips them. */}
        <input
          ref={inputRef}
          id={inputId}
          name="code"
          type="text"
          className="code-input"
          inputMode="numeric"
          autoComplete="one-time-code"
          enterKeyHint="done"
          spellCheck={false}
          value={code}
          onChange={(event) => handleChange(event.target.value)}
          aria-invalid={alert ? true : undefined}
          aria-describedby={alert ? `${hintId} ${errorId}` : hintId}
        />
      </div>

      {extraFields}

      {alert && (
        <p key={alert.id} id={errorId} role="alert" className="alert alert-error">
          {alert.describe()}
        </p>
      )}
      <p role="status" className="notice live-region">
        {resentTo && t("verify.resent", { destination: keepTogether(resentTo) })}
      </p>

      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={busy}>
          {t("verify.verifyButton")}
        </button>
        {!fromApp && (
          <button
            type="button"
            className="button"
            disabled={!canResend || resend.isPending}
            onClick={handleResend}
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

      {/* The button counts down every second; this announces only its start and end. */}
      {!fromApp && (
        <p aria-live="polite" className="visually-hidden">
          {canResend
            ? t("verify.resendAvailable")
            : t("verify.resendWaitAnnouncement", {
                time: formatClockTimeWithSeconds(resendBlockedUntil),
              })}
        </p>
      )}
    </form>
  );
}
