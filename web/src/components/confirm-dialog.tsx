import { useEffect, useId, useRef } from "react";
import { useT } from "@/lib/i18n";
import { Modal } from "./modal";

export interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  /** A destructive action gets the danger style. */
  danger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}

/** "Are you sure?" as a native modal: Cancel has focus first, so Enter does no harm. */
export function ConfirmDialog({
  title,
  body,
  confirmLabel,
  danger = false,
  onConfirm,
  onCancel,
}: ConfirmDialogProps) {
  const t = useT();
  const ids = useId();
  const titleId = `${ids}-title`;
  const bodyId = `${ids}-body`;
  const cancelRef = useRef<HTMLButtonElement>(null);

  // After the modal opened (a layout effect), not React's autoFocus, which would run
  // while the dialog is still closed.
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <Modal labelledBy={titleId} describedBy={bodyId} onCancel={onCancel}>
      <div className="stack">
        <h2 id={titleId}>{title}</h2>
        <p id={bodyId}>{body}</p>
        <div className="actions">
          <button
            type="button"
            className={danger ? "button button-danger" : "button button-primary"}
            onClick={onConfirm}
          >
            {confirmLabel}
          </button>
          <button ref={cancelRef} type="button" className="button" onClick={onCancel}>
            {t("confirm.cancelButton")}
          </button>
        </div>
      </div>
    </Modal>
  );
}
