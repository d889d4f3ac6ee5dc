import { useId } from "react";
import { Modal } from "@/components/modal";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { SecondStepChallenge } from "./second-step-challenge";

interface StepUpDialogProps {
  /** The session now carries a fresh verification: the pending action may go ahead. */
  onVerified: () => void;
  onCancel: () => void;
}

/** "Confirm it's you": a fresh verification (any enabled method or a recovery code). */
export function StepUpDialog({ onVerified, onCancel }: StepUpDialogProps) {
  const t = useT();
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
        <h2 id={titleId}>{t("stepUp.title")}</h2>
        <p id={descriptionId}>{t("stepUp.intro")}</p>
        {status.data ? (
          <SecondStepChallenge
            purpose="step-up"
            status={status.data}
            onVerified={onVerified}
            onCancel={onCancel}
          />
        ) : status.isError ? (
          <>
            <p role="alert" className="alert alert-error">
              {t("app.statusLoadFailed")}
            </p>
            <div className="actions">
              <button type="button" className="button" onClick={() => void status.refetch()}>
                {t("app.retryButton")}
              </button>
              <button type="button" className="button button-quiet" onClick={onCancel}>
                {t("secondFactor.cancelButton")}
              </button>
            </div>
          </>
        ) : (
          <p aria-busy="true">{t("app.loading")}</p>
        )}
      </div>
    </Modal>
  );
}
