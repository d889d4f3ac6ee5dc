import { useId, useState } from "react";
import { ConfirmDialog, type ConfirmDialogProps } from "@/components/confirm-dialog";
import { Modal } from "@/components/modal";
import { useT } from "@/lib/i18n";
import { getSession, hasRecentVerification, useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { SecondStepChallenge } from "./second-step-challenge";

/** Whether a change made now would first need "Confirm it's you". */
function needsStepUp(): boolean {
  const session = getSession();
  return session.status === "signed-in" && !hasRecentVerification(session.claims);
}

/**
 * "Are you sure?" for a change that needs a recent verification, as one dialog: when the
 * session's last verification is too old, the question and the verification share it,
 * and verifying is the confirmation (no second dialog follows). Otherwise it is the plain
 * confirmation. The action, run by `onConfirm`, still goes through `withStepUp`, which
 * finds the verification fresh and asks nothing more.
 */
export function ConfirmWithStepUpDialog(props: ConfirmDialogProps) {
  // Decided once, as it opens: verifying must not turn it into another dialog.
  const [verifyFirst] = useState(needsStepUp);
  return verifyFirst ? <StepUpConfirmation {...props} /> : <ConfirmDialog {...props} />;
}

function StepUpConfirmation({ title, body, onConfirm, onCancel }: ConfirmDialogProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const status = useTwoFactorStatus(uid);
  const ids = useId();
  const titleId = `${ids}-title`;
  const bodyId = `${ids}-body`;

  return (
    <Modal className="verify-dialog" labelledBy={titleId} describedBy={bodyId} onCancel={onCancel}>
      <div className="stack">
        <h2 id={titleId}>{title}</h2>
        <div id={bodyId} className="stack">
          <p>{body}</p>
          <p>{t("stepUp.confirmByVerifying")}</p>
        </div>
        {status.data ? (
          <SecondStepChallenge
            purpose="step-up"
            status={status.data}
            onVerified={onConfirm}
            onCancel={onCancel}
          />
        ) : (
          <p aria-busy="true">{t("app.loading")}</p>
        )}
      </div>
    </Modal>
  );
}
