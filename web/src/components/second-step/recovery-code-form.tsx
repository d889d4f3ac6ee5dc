import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from "react";
import {
  recoveryCodePolicy,
  recoveryCodeSchema,
  type UseRecoveryCodeResult,
} from "@dash2fa/shared";
import { Field } from "@/components/field";
import { describeError, describeRecoveryCodeFormat } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { useAnnouncement } from "@/lib/use-announcement";
import { useRedeemRecoveryCode } from "./api/redeem-recovery-code";
import { toRefusal } from "@/lib/firebase";

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

/** A malformed code is refused in the same words before and after the server. */
function describeRedeemError(error: unknown): string {
  return toRefusal(error)?.reason === "invalid-input"
    ? describeRecoveryCodeFormat()
    : describeError(error);
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
  const t = useT();
  const inputRef = useRef<HTMLInputElement>(null);
  const errorId = `${useId()}-error`;
  const [code, setCode] = useState("");
  const { announcement: alert, announce } = useAnnouncement();
  const [finishing, setFinishing] = useState(false);
  const redeem = useRedeemRecoveryCode();
  const busy = redeem.isPending || finishing;

  useEffect(() => {
    if (autoFocus) inputRef.current?.focus();
  }, [autoFocus]);

  function showAlert(describe: () => string) {
    announce(describe);
    inputRef.current?.select();
    inputRef.current?.focus();
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    const parsed = recoveryCodeSchema.safeParse(code);
    if (!parsed.success) {
      showAlert(describeRecoveryCodeFormat);
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
            showAlert(() => describeError(error));
          } finally {
            setFinishing(false);
          }
        },
        onError: (error) => showAlert(() => describeRedeemError(error)),
      },
    );
  }

  return (
    <form className="stack" noValidate onSubmit={handleSubmit}>
      <Field
        ref={inputRef}
        label={t("secondFactor.recoveryCodeLabel")}
        hint={t("secondFactor.recoveryCodeHint", { count: recoveryCodePolicy.count })}
        errorElsewhere={alert ? errorId : undefined}
        name="recoveryCode"
        type="text"
        inputClassName="recovery-code-input"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        enterKeyHint="done"
        value={code}
        onChange={(event) => setCode(event.target.value)}
      />
      {extraFields}
      {alert && (
        <p key={alert.key} id={errorId} role="alert" className="alert alert-error">
          {alert.message()}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={busy}>
          {t("secondFactor.verifyButton")}
        </button>
        {extraActions}
      </div>
    </form>
  );
}
