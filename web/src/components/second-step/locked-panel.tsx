import { useEffect, useRef, type ReactNode } from "react";
import type { RefusalDetails } from "@dash2fa/shared";
import { describeRefusal } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";

interface LockedPanelProps {
  /** The refusal that told of the lock: a wrong code that started it, or a refused call. */
  failure: RefusalDetails;
  /** The lock ends at a time (else only a recovery code ends it). */
  timed: boolean;
  passkeyEnabled: boolean;
  autoFocus: boolean;
  onPasskey: () => void;
  onRecoveryCode: () => void;
  extraActions?: ReactNode;
}

/**
 * Codes are locked: says until when, and offers what still works instead of any way to
 * send or type a code (a passkey if the account has one, and a recovery code).
 */
export function LockedPanel({
  failure,
  timed,
  passkeyEnabled,
  autoFocus,
  onPasskey,
  onRecoveryCode,
  extraActions,
}: LockedPanelProps) {
  const t = useT();
  const firstActionRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (autoFocus) firstActionRef.current?.focus();
  }, [autoFocus]);

  return (
    <div className="stack">
      <p role="alert" className="alert alert-error">
        {describeRefusal(failure)}
      </p>
      <p>
        {passkeyEnabled
          ? t("secondFactor.lockedAlternativesWithPasskey")
          : t("secondFactor.lockedAlternatives")}
        {timed && ` ${t("secondFactor.lockEnds")}`}
      </p>
      <div className="actions">
        {passkeyEnabled && (
          <button
            ref={firstActionRef}
            type="button"
            className="button button-primary"
            onClick={onPasskey}
          >
            {t("secondFactor.usePasskeyInstead")}
          </button>
        )}
        <button
          ref={passkeyEnabled ? undefined : firstActionRef}
          type="button"
          className={passkeyEnabled ? "button" : "button button-primary"}
          onClick={onRecoveryCode}
        >
          {t("secondFactor.useRecoveryCode")}
        </button>
        {extraActions}
      </div>
    </div>
  );
}
