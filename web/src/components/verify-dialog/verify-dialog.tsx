import { useEffect, useId, useRef, useState, type FormEvent } from "react";
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
import { describeFailure, toFailure } from "./describe-failure";

const text = messages.verify;

export interface VerifyDialogProps {
  /**
   * What was sent, for any purpose (enrol, sign-in, step-up): purpose and method come
   * from here, and "Resend code" sends it again.
   */
  request: SendVerificationCodeInput;
  /** The answer to the send that opened the dialog. */
  sent: SendVerificationCodeResult;
  onVerified: (result: VerifyCodeResult) => void;
  /** Escape, the Cancel button, or any other close that is not a verification. */
  onCancel: () => void;
}

/** The alert is re-keyed on every failure so an identical message is announced again. */
interface Alert {
  id: number;
  message: string;
}

/**
 * The one dialog that asks for a code. Mount it to open it: it opens as a native modal
 * (focus trapped, Escape cancels) and gives focus back to whatever opened it on close.
 */
export function VerifyDialog({
  request,
  sent: initiallySent,
  onVerified,
  onCancel,
}: VerifyDialogProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  // Set once the outcome is reported, so the close that follows is not also a cancel.
  const settledRef = useRef(false);
  const ids = useId();
  const titleId = `${ids}-title`;
  const descriptionId = `${ids}-description`;
  const inputId = `${ids}-code`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;

  const [sent, setSent] = useState(initiallySent);
  const [code, setCode] = useState("");
  const [alert, setAlert] = useState<Alert | null>(null);
  const [notice, setNotice] = useState("");
  const [resendBlockedUntil, setResendBlockedUntil] = useState(initiallySent.resendAvailableAt);
  const [now, refreshNow] = useNow();
  const verify = useVerifyCode();
  const resend = useSendVerificationCode();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const opener = document.activeElement;
    dialog.showModal();
    inputRef.current?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  function handleClose() {
    // A close while open again is React re-running effects in development; ignore it.
    if (settledRef.current || dialogRef.current?.open) return;
    settledRef.current = true;
    onCancel();
  }

  function showFailure(failure: VerificationFailureDetails | undefined) {
    refreshNow();
    setNotice("");
    setAlert((previous) => ({
      id: (previous?.id ?? 0) + 1,
      message: describeFailure(failure, sent.expiresAt),
    }));
    // Keep resending in step with what the server will accept next.
    switch (failure?.reason) {
      case "wrong-code":
        if (failure.attemptsLeft === 0) setResendBlockedUntil(sent.expiresAt);
        break;
      case "attempts-exhausted":
      case "cooldown":
        if (failure.retryAt !== undefined) setResendBlockedUntil(failure.retryAt);
        break;
      case "expired":
      case "no-active-code":
        setResendBlockedUntil(0);
        break;
    }
    inputRef.current?.select();
    inputRef.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (verify.isPending) return;
    const parsed = verificationCodeSchema.safeParse(code);
    if (!parsed.success) {
      showFailure({
        reason: "invalid-input",
        issues: parsed.error.issues.map((issue) => ({ path: "code", message: issue.message })),
      });
      return;
    }
    verify.mutate(
      { purpose: request.purpose, method: request.method, code: parsed.data },
      {
        onSuccess: (result) => {
          settledRef.current = true;
          onVerified(result);
        },
        onError: (error) => showFailure(toFailure(error)),
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
      onError: (error) => showFailure(toFailure(error)),
    });
  }

  const resendWaitSeconds = secondsUntil(resendBlockedUntil, now);
  const canResend = resendWaitSeconds === 0;

  return (
    <dialog
      ref={dialogRef}
      className="verify-dialog"
      aria-labelledby={titleId}
      aria-describedby={descriptionId}
      onClose={handleClose}
    >
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <h2 id={titleId}>{text.title}</h2>
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

        {alert && (
          <p key={alert.id} id={errorId} role="alert" className="alert alert-error">
            {alert.message}
          </p>
        )}
        <p role="status" className="notice live-region">
          {notice}
        </p>

        <div className="actions">
          <button type="submit" className="button button-primary" aria-busy={verify.isPending}>
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
          <button
            type="button"
            className="button button-quiet"
            onClick={() => dialogRef.current?.close()}
          >
            {text.cancelButton}
          </button>
        </div>

        {/* The button counts down every second; this announces only its start and end. */}
        <p aria-live="polite" className="visually-hidden">
          {canResend
            ? text.resendAvailable
            : text.resendWaitAnnouncement(formatClockTimeWithSeconds(resendBlockedUntil))}
        </p>
      </form>
    </dialog>
  );
}
