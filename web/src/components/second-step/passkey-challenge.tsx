import { useEffect, useRef, useState, type ReactNode } from "react";
import type { FinishPasskeyVerificationResult } from "@dash2fa/shared";
import { describePasskeyError, isPasskeyPromptCancelled } from "@/components/verify-dialog";
import { call } from "@/lib/firebase";
import { useT } from "@/lib/i18n";
import { useAnnouncement } from "@/lib/use-announcement";
import { answerWithPasskey } from "@/lib/webauthn";

interface PasskeyChallengeProps {
  purpose: "sign-in" | "step-up";
  rememberDevice: boolean;
  /** Runs after the server accepted the key; the panel stays busy until it settles. */
  onVerified: (result: FinishPasskeyVerificationResult) => Promise<void>;
  /** Focus "Use your passkey" when the panel appears. */
  autoFocus: boolean;
  /** Controls between the text and the buttons ("Remember this device"). */
  extraFields?: ReactNode;
  /** Buttons after "Use your passkey" (another method, a recovery code, Cancel). */
  extraActions?: ReactNode;
}

/**
 * The passkey as the second factor: one button opens the browser's prompt (never opened
 * by itself, so the user decides when); the key's answer is checked by the server.
 */
export function PasskeyChallenge({
  purpose,
  rememberDevice,
  onVerified,
  autoFocus,
  extraFields,
  extraActions,
}: PasskeyChallengeProps) {
  const t = useT();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const [busy, setBusy] = useState(false);
  const { announcement: alert, announce, clear } = useAnnouncement();
  // After a closed or timed-out prompt the button offers to try again.
  const [cancelled, setCancelled] = useState(false);

  useEffect(() => {
    if (autoFocus) buttonRef.current?.focus();
  }, [autoFocus]);

  async function verify() {
    if (busy) return;
    setBusy(true);
    clear();
    try {
      const { options } = await call("startPasskeyVerification", { purpose });
      const response = await answerWithPasskey(options);
      const result = await call("finishPasskeyVerification", {
        purpose,
        response,
        ...(purpose === "sign-in" && rememberDevice ? { rememberDevice: true } : {}),
      });
      await onVerified(result);
      setCancelled(false);
    } catch (error) {
      setCancelled(isPasskeyPromptCancelled(error));
      announce(() => describePasskeyError(error));
      buttonRef.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="stack">
      <p>{t("secondFactor.passkeyPrompt")}</p>
      {extraFields}
      {alert && (
        <p key={alert.key} role="alert" className="alert alert-error">
          {alert.message()}
        </p>
      )}
      <p aria-live="polite" className="notice live-region">
        {busy && t("secondFactor.passkeyWaiting")}
      </p>
      <div className="actions">
        <button
          ref={buttonRef}
          type="button"
          className="button button-primary"
          aria-busy={busy}
          onClick={() => void verify()}
        >
          {cancelled ? t("secondFactor.passkeyRetryButton") : t("secondFactor.passkeyButton")}
        </button>
        {extraActions}
      </div>
    </div>
  );
}
