import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  verificationCodeSchema,
  verificationPolicy,
  type SendVerificationCodeInput,
  type SendVerificationCodeResult,
  type VerificationFailureDetails,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import { formatClockTime, formatClockTimeWithSeconds, secondsUntil } from "@/lib/format-time";
import { messages } from "@/lib/messages";
import { useNow } from "@/lib/use-now";
import { useSendVerificationCode } from "./api/send-verification-code";
import { useVerifyCode } from "./api/verify-code";
import { describeError, describeFailure, toFailure } from "./describe-failure";

const text = messages.verify;

export interface VerificationCodeFormProps {
  /**
   * What was sent, for any purpose (enrol, sign-in, step-up): purpose and method come
   * from here, and "Resend code" sends it again.
   */
  request: SendVerificationCodeInput;
  /** The answer to the send that showed the form. */
  sent: SendVerificationCodeResult;
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
}

/** The alert is re-keyed on every failure so an identical message is announced again. */
interface Alert {
  id: number;
  message: string;
}

/**
 * The one form that asks for a sent code, shown in the verify dialog, the step-up dialog
 * and inline on the second-step page, so the field, Verify and Resend behave the same
 * everywhere.
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
}: VerificationCodeFormProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const inputId = `${ids}-code`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;

  const [sent, setSent] = useState(initiallySent);
  const [code, setCode] = useState("");
  const [alert, setAlert] = useState<Alert | null>(null);
  const [notice, setNotice] = useState("");
  const [finishing, setFinishing] = useState(false);
  const [resendBlockedUntil, setResendBlockedUntil] = useState(initiallySent.resendAvailableAt);
  const [now, refreshNow] = useNow();
  const verify = useVerifyCode();
  const resend = useSendVerificationCode();

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  function showAlert(message: string) {
    refreshNow();
    setNotice("");
    setAlert((previous) => ({ id: (previous?.id ?? 0) + 1, message }));
    inputRef.current?.select();
    inputRef.current?.focus();
  }

  function showFailure(failure: VerificationFailureDetails | undefined) {
    // Keep resending in step with what the server will accept next.
    switch (failure?.reason) {
      case "wrong-code":
        if (failure.attemptsLeft === 0) setResendBlockedUntil(sent.expiresAt);
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
    showAlert(describeFailure(failure, sent.expiresAt));
  }

  function showError(error: unknown) {
    const failure = toFailure(error);
    if (failure) showFailure(failure);
    else showAlert(describeError(error));
  }

  const busy = verify.isPending || finishing;

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = verificationCodeSchema.safeParse(code);
    if (!parsed.success) {
      showFailure({
        reason: "invalid-input",
        issues: parsed.error.issues.map((issue) => ({ path: "code", message: issue.message })),
      });
      return;
    }
    verify.mutate(
      {
        purpose: request.purpose,
        method: request.method,
        code: parsed.data,
        ...(rememberDevice ? { rememberDevice: true } : {}),
      },
      {
        onSuccess: async (result) => {
          setFinishing(true);
          try {
            await onVerified(result);
          } catch (error) {
            showError(error);
          } finally {
            setFinishing(false);
          }
        },
        onError: showError,
      },
    );
  }

  function handleResend() {
    if (resend.isPending) return;
    resend.mutate(request, {
      onSuccess: (next) => {
        refreshNow();
        setSent(next);
        setResendBlockedUntil(next.resendAvailableAt);
        setCode("");
        setAlert(null);
        setNotice(text.resent(next.maskedDestination));
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
        <p>{text.sentTo(sent.maskedDestination)}</p>
        <p>{text.expiresAt(formatClockTime(sent.expiresAt))}</p>
        {sent.attemptsLeft < verificationPolicy.maxFailedAttempts && (
          <p>{text.attemptsLeft(sent.attemptsLeft)}</p>
        )}
      </div>

      <div className="field">
        <label htmlFor={inputId}>{text.codeLabel}</label>
        <p id={hintId} className="field-hint">
          {text.codeHint}
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
          onChange={(event) => setCode(event.target.value)}
          aria-invalid={alert ? true : undefined}
          aria-describedby={alert ? `${hintId} ${errorId}` : hintId}
        />
      </div>

      {extraFields}

      {alert && (
        <p key={alert.id} id={errorId} role="alert" className="alert alert-error">
          {alert.message}
        </p>
      )}
      <p role="status" className="notice live-region">
        {notice}
      </p>

      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={busy}>
          {text.verifyButton}
        </button>
        <button
          type="button"
          className="button"
          disabled={!canResend || resend.isPending}
          onClick={handleResend}
        >
          {canResend ? text.resendButton : text.resendIn(messages.duration(resendWaitSeconds))}
        </button>
        {extraActions}
        {onCancel && (
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {text.cancelButton}
          </button>
        )}
      </div>

      {/* The button counts down every second; this announces only its start and end. */}
      <p aria-live="polite" className="visually-hidden">
        {canResend
          ? text.resendAvailable
          : text.resendWaitAnnouncement(formatClockTimeWithSeconds(resendBlockedUntil))}
      </p>
    </form>
  );
}
