import { useEffect, useId, useRef, useState } from "react";
import type { StartTotpEnrollmentResult, VerifyCodeResult } from "@dash2fa/shared";
import { Modal } from "@/components/modal";
import { VerificationCodeForm } from "@/components/verify-dialog";
import { formatClockTime } from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import { useAnnouncement } from "@/lib/use-announcement";
import { groupSecret } from "../utils/group-secret";

interface TotpSetupDialogProps {
  enrollment: StartTotpEnrollmentResult;
  /** A new secret replaces this one (the old one expired, or was never confirmed). */
  onRestart: () => void;
  restarting: boolean;
  /** Why the last restart failed, worded already; null if it did not. */
  restartError: string | null;
  onVerified: (result: VerifyCodeResult) => Promise<void>;
  onCancel: () => void;
}

/** The QR code as an SVG image; drawn lazily, so `qrcode` is not in the first load. */
function useQrCode(text: string): { src: string } | "pending" | "failed" {
  const [image, setImage] = useState<{ text: string; src: string } | "failed" | null>(null);
  useEffect(() => {
    let current = true;
    import("qrcode")
      .then((qrcode) =>
        qrcode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 }),
      )
      .then((svg) => {
        if (current) {
          setImage({ text, src: `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}` });
        }
      })
      .catch(() => {
        if (current) setImage("failed");
      });
    return () => {
      current = false;
    };
  }, [text]);
  if (image === "failed") return "failed";
  return image && image.text === text ? { src: image.src } : "pending";
}

/**
 * Where focus goes when the dialog opens, without scrolling it, so its heading and the QR
 * code stay in view: the code field, where a keyboard user types next; but on a touch
 * screen the heading, since a focused field would open the on-screen keyboard over the
 * QR code and the link to the app, which come first there.
 */
function useInitialFocus() {
  const contentRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    const touch = window.matchMedia("(pointer: coarse)").matches;
    const field = contentRef.current?.querySelector<HTMLInputElement>('input[name="code"]');
    const target = touch ? headingRef.current : (field ?? headingRef.current);
    target?.focus({ preventScroll: true });
    // Opening the dialog may have scrolled it to its first button already.
    const dialog = contentRef.current?.closest("dialog");
    if (dialog) dialog.scrollTop = 0;
  }, []);
  return { contentRef, headingRef };
}

/**
 * Setting up the authenticator app: the secret as a QR code, as a link that opens the app
 * on the phone in hand, and as grouped text to type; then the app's first code, which
 * turns the method on. Wide, the QR code sits beside the steps, so the whole dialog, with
 * Verify, fits on a laptop screen.
 */
export function TotpSetupDialog({
  enrollment,
  onRestart,
  restarting,
  restartError,
  onVerified,
  onCancel,
}: TotpSetupDialogProps) {
  const t = useT();
  const ids = useId();
  const titleId = `${ids}-title`;
  const descriptionId = `${ids}-description`;
  const qr = useQrCode(enrollment.otpauthUri);
  // A second copy says "Copied" again.
  const { announcement: copied, announce, clear } = useAnnouncement<"copied" | "failed">();
  const [expired, setExpired] = useState(false);
  // After "Start again" the new form takes focus, as the pressed button goes away.
  const [restarted, setRestarted] = useState(false);
  const { contentRef, headingRef } = useInitialFocus();

  async function copySecret() {
    try {
      await navigator.clipboard.writeText(enrollment.secret);
      announce("copied");
    } catch {
      announce("failed");
    }
  }

  return (
    <Modal
      className="verify-dialog totp-dialog"
      labelledBy={titleId}
      describedBy={descriptionId}
      onCancel={onCancel}
    >
      <div ref={contentRef} className="stack">
        <h2 ref={headingRef} id={titleId} tabIndex={-1}>
          {t("security.totp.setupTitle")}
        </h2>
        <div className="totp-setup">
          <p id={descriptionId} className="totp-scan-step">
            {t("security.totp.scanStep")}
          </p>
          <div className="totp-qr">
            {qr === "pending" ? (
              <span className="totp-qr-placeholder" aria-hidden="true" />
            ) : qr === "failed" ? (
              <p role="alert" className="alert alert-error">
                {t("security.totp.qrFailed")}
              </p>
            ) : (
              <img src={qr.src} alt={t("security.totp.qrAlt")} width={200} height={200} />
            )}
          </div>
          <div className="totp-other-ways stack">
            <p>
              {t("security.totp.openInAppStep")}{" "}
              <a href={enrollment.otpauthUri} className="totp-app-link">
                {t("security.totp.openInAppLink")}
              </a>
            </p>
            <p>{t("security.totp.manualStep")}</p>
            <div className="totp-secret-row">
              <code className="totp-secret">{groupSecret(enrollment.secret)}</code>
              <button type="button" className="button" onClick={() => void copySecret()}>
                {t("security.totp.copyButton")}
              </button>
            </div>
            <p aria-live="polite" className="notice live-region">
              {copied && (
                <span key={copied.key}>
                  {copied.message === "copied"
                    ? t("security.totp.copied")
                    : t("security.totp.copyFailed")}
                </span>
              )}
            </p>
            <p className="muted">
              {t("security.totp.expiresAt", { time: formatClockTime(enrollment.expiresAt) })}
            </p>
          </div>
        </div>
        {restartError && (
          <p role="alert" className="alert alert-error">
            {restartError}
          </p>
        )}
        <VerificationCodeForm
          // A new secret starts a new form: the old refusals no longer apply.
          key={enrollment.secret}
          request={{ purpose: "enroll", method: "totp" }}
          // Focused by the dialog on opening, without scrolling past its heading.
          autoFocus={restarted}
          onVerified={onVerified}
          onCancel={onCancel}
          onFailure={(failure) =>
            setExpired(failure.reason === "expired" || failure.reason === "no-active-code")
          }
          extraActions={
            expired ? (
              <button
                type="button"
                className="button"
                aria-busy={restarting}
                onClick={() => {
                  if (restarting) return;
                  setExpired(false);
                  setRestarted(true);
                  clear();
                  onRestart();
                }}
              >
                {t("security.totp.startAgainButton")}
              </button>
            ) : null
          }
        />
      </div>
    </Modal>
  );
}
