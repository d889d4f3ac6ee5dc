import { messages } from "@/lib/messages";

const text = messages.security;

interface DestinationFormActionsProps {
  error: string | null;
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
  return (
    <>
      {error && (
        <p key={errorKey} role="alert" className="alert alert-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="button button-primary" aria-busy={pending}>
          {text.sendCodeButton}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          {text.cancelButton}
        </button>
      </div>
    </>
  );
}
