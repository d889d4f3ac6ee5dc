import { useId } from "react";
import type { SendVerificationCodeResult, VerifyCodeResult } from "@dash2fa/shared";
import type { SendVerificationCodeInput } from "@dash2fa/shared/phone";
import { Modal } from "@/components/modal";
import { useT } from "@/lib/i18n";
import { VerificationCodeForm } from "./code-form";

export interface VerifyDialogProps {
  /**
   * What was sent, for any purpose (enrol, sign-in, step-up): purpose and method come
   * from here, and "Resend code" sends it again.
   */
  request: SendVerificationCodeInput;
  /** The answer to the send that opened the dialog. */
  sent: SendVerificationCodeResult;
  onVerified: (result: VerifyCodeResult) => void | Promise<void>;
  /** Escape, the Cancel button, or any other close that is not a verification. */
  onCancel: () => void;
}

/**
 * The one dialog that asks for a code. Mount it to open it: it opens as a native modal
 * (focus trapped, Escape cancels) and gives focus back to whatever opened it on close.
 */
export function VerifyDialog({ request, sent, onVerified, onCancel }: VerifyDialogProps) {
  const t = useT();
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
        <h2 id={titleId}>{t("verify.title")}</h2>
        <VerificationCodeForm
          request={request}
          sent={sent}
          descriptionId={descriptionId}
          onVerified={onVerified}
          onCancel={onCancel}
          // Enrolling: the address or number may be mistyped, so checking it comes first.
          whenUndelivered={
            request.purpose === "enroll"
              ? { label: t(`verify.changeDestination.${request.method}`), onSelect: onCancel }
              : undefined
          }
        />
      </div>
    </Modal>
  );
}
