import { useId } from "react";
import { Modal } from "@/components/modal";
import { messages } from "@/lib/messages";
import { useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { SecondFactorChallenge } from "./second-factor-challenge";

const text = messages.stepUp;

interface StepUpDialogProps {
  /** The session now carries a fresh verification: the pending action may go ahead. */
  onVerified: () => void;
  onCancel: () => void;
}

/** "Confirm it's you": a fresh verification (any enabled method or a recovery code). */
export function StepUpDialog({ onVerified, onCancel }: StepUpDialogProps) {
  const { uid } = useSignedInUser();
  const status = useTwoFactorStatus(uid);
  const ids = useId();
  const titleId = `${ids}-title`;
  const descriptionId = `${ids}-description`;

  return (
    <Modal
      className="verify-dialog"
      labelledBy={titleId}
      describedBy={descriptionId}
      onCancel={onCancel}
    >
      <div className="stack">
        <h2 id={titleId}>{text.title}</h2>
        <p id={descriptionId}>{text.intro}</p>
        {status.data ? (
          <SecondFactorChallenge
            purpose="step-up"
            status={status.data}
            onVerified={onVerified}
            onCancel={onCancel}
          />
        ) : status.isError ? (
          <>
            <p role="alert" className="alert alert-error">
              {messages.app.statusLoadFailed}
            </p>
            <div className="actions">
              <button type="button" className="button" onClick={() => void status.refetch()}>
                {messages.app.retryButton}
              </button>
              <button type="button" className="button button-quiet" onClick={onCancel}>
                {messages.secondFactor.cancelButton}
              </button>
            </div>
          </>
        ) : (
          <p aria-busy="true">{messages.app.loading}</p>
        )}
      </div>
    </Modal>
  );
}
