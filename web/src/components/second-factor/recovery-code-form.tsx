import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import { recoveryCodeSchema, type UseRecoveryCodeResult } from "@dash2fa/shared";
import { describeError } from "@/components/verify-dialog";
import { messages } from "@/lib/messages";
import { useRedeemRecoveryCode } from "./api/redeem-recovery-code";

const text = messages.secondFactor;

interface RecoveryCodeFormProps {
  purpose: "sign-in" | "step-up";
  rememberDevice: boolean;
  /** Runs after the server accepted the code; the form stays busy until it settles. */
  onVerified: (result: UseRecoveryCodeResult) => Promise<void>;
  /** Controls between the field and the buttons ("Remember this device"). */
  extraFields?: ReactNode;
  /** Buttons after Verify ("Use a verification code instead", Cancel). */
  extraActions?: ReactNode;
  autoFocus?: boolean;
}

interface Alert {
  id: number;
  message: string;
}

/** A single field for one of the saved recovery codes, accepted as people copy them. */
export function RecoveryCodeForm({
  purpose,
  rememberDevice,
  onVerified,
  extraFields,
  extraActions,
  autoFocus = true,
}: RecoveryCodeFormProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const ids = useId();
  const inputId = `${ids}-code`;
  const hintId = `${ids}-hint`;
  const errorId = `${ids}-error`;
  const [code, setCode] = useState("");
  const [alert, setAlert] = useState<Alert | null>(null);
  const [finishing, setFinishing] = useState(false);
  const redeem = useRedeemRecoveryCode();
  const busy = redeem.isPending || finishing;

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  function showAlert(message: string) {
    setAlert((previous) => ({ id: (previous?.id ?? 0) + 1, message }));
    inputRef.current?.select();
    inputRef.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = recoveryCodeSchema.safeParse(code);
    if (!parsed.success) {
      showAlert(parsed.error.issues[0]?.message ?? messages.verify.invalidInput);
      return;
    }
    redeem.mutate(
      {
        purpose,
        code: parsed.data,
        ...(purpose === "sign-in" && rememberDevice ? { rememberDevice: true } : {}),
      },
      {
        onSuccess: async (result) => {
          setFinishing(true);
          try {
            await onVerified(result);
          } catch (error) {
            showAlert(describeError(error));
          } finally {
            setFinishing(false);
          }
        },
        onError: (error) => showAlert(describeError(error)),
      },
    );
  }

  return (
    <form className="stack" noValidate onSubmit={handleSubmit}>
      <div className="field">
        <label htmlFor={inputId}>{text.recoveryCodeLabel}</label>
        <p id={hintId} className="field-hint">
          {text.recoveryCodeHint}
        </p>
        <input
          ref={inputRef}
          id={inputId}
          name="recoveryCode"
          type="text"
          className="recovery-code-input"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          enterKeyHint="done"
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
      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={busy}>
          {text.verifyButton}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
