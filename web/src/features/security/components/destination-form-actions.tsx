import { describeError } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";

interface DestinationFormActionsProps {
  /** The failed send, worded here (while rendering, in the active language); null if none. */
  error: unknown;
  /** Changes on every attempt, so the same message is announced again. */
  errorKey: number;
  pending: boolean;
  onCancel: () => void;
}

/** The error and the Send code / Cancel buttons every destination form ends with. */
export function DestinationFormActions({
  error,
  errorKey,
  pending,
  onCancel,
}: DestinationFormActionsProps) {
  const t = useT();
  return (
    <>
      {error !== null && (
        <p key={errorKey} role="alert" className="alert alert-error">
          {describeError(error)}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={pending}>
          {t("security.sendCodeButton")}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {t("security.cancelButton")}
        </button>
      </div>
    </>
  );
}
