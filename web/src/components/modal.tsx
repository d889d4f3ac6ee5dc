import { useLayoutEffect, useRef, type ReactNode, type SyntheticEvent } from "react";

interface ModalProps {
  labelledBy: string;
  describedBy?: string;
  className?: string;
  /** Escape, a Cancel button (through `close`), or any close the owner did not cause. */
  onCancel: () => void;
  /**
   * Keep the dialog open on Escape: for content shown only once (recovery codes), where a
   * stray key press must not lose it. The dialog still has an explicit close button.
   */
  dismissible?: boolean;
  /** The content; its own Cancel buttons call `onCancel` too (the owner unmounts this). */
  children: ReactNode;
}

/**
 * A native modal `<dialog>`. Mount it to open it: it opens with `showModal()` (focus
 * trapped, the page inert, Escape cancels) and gives focus back to whatever opened it
 * when it goes away. Unmounting it is how it closes; that alone is not a cancel.
 */
export function Modal({
  labelledBy,
  describedBy,
  className = "modal",
  onCancel,
  dismissible = true,
  children,
}: ModalProps) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  // Set once the dialog is going away, so the close that follows is not also a cancel.
  const settledRef = useRef(false);

  // A layout effect, so the dialog is open before the content's own effects move focus
  // into it.
  useLayoutEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    settledRef.current = false;
    const opener = document.activeElement;
    if (!dialog.open) dialog.showModal();
    return () => {
      settledRef.current = true;
      if (dialog.open) dialog.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);

  function handleClose() {
    // A close while open again is React re-running effects in development; ignore it.
    if (settledRef.current || dialogRef.current?.open) return;
    settledRef.current = true;
    onCancel();
  }

  function handleCancel(event: SyntheticEvent<HTMLDialogElement>) {
    if (!dismissible) event.preventDefault();
  }

  return (
    <dialog
      ref={dialogRef}
      className={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onClose={handleClose}
      onCancel={handleCancel}
    >
      {children}
    </dialog>
  );
}
