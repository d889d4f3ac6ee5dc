import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import type { TwoFactorMethodStatus, VerifyCodeResult } from "@dash2fa/shared";
import { VerifyDialog } from "@/components/verify-dialog";
import { messages } from "@/lib/messages";
import { EnableEmailForm, type EmailChallenge } from "./enable-email-form";
import { MethodRow } from "./method-row";

const text = messages.security;

interface EmailMethodProps {
  status: TwoFactorMethodStatus | undefined;
  loading: boolean;
  accountEmail: string;
  onActivated: (result: VerifyCodeResult) => void;
  onCancelled: () => void;
}

export function EmailMethod({
  status,
  loading,
  accountEmail,
  onActivated,
  onCancelled,
}: EmailMethodProps) {
  const [editing, setEditing] = useState(false);
  const [openChallenge, setOpenChallenge] = useState<EmailChallenge | null>(null);
  // The last code sent, so a cancelled dialog can be reopened while that code still works
  // instead of running into the resend cooldown.
  const lastChallengeRef = useRef<EmailChallenge | null>(null);
  const enableButtonRef = useRef<HTMLButtonElement>(null);
  const enabled = status?.enabled === true;

  function handleSent(challenge: EmailChallenge) {
    lastChallengeRef.current = challenge;
    setOpenChallenge(challenge);
  }

  function resumeChallenge(destination: string): boolean {
    const last = lastChallengeRef.current;
    if (!last || last.request.destination !== destination || Date.now() >= last.sent.expiresAt) {
      return false;
    }
    setOpenChallenge(last);
    return true;
  }

  function handleFormCancel() {
    flushSync(() => setEditing(false));
    enableButtonRef.current?.focus();
  }

  function handleVerified(result: VerifyCodeResult) {
    lastChallengeRef.current = null;
    setOpenChallenge(null);
    setEditing(false);
    onActivated(result);
  }

  function handleDialogCancel() {
    setOpenChallenge(null);
    onCancelled();
  }

  const showForm = editing && !enabled && !loading;

  return (
    <MethodRow
      name={text.emailMethod}
      status={status}
      loading={loading}
      action={
        enabled || loading || showForm ? null : (
          <button
            ref={enableButtonRef}
            type="button"
            className="button"
            onClick={() => setEditing(true)}
          >
            {text.enableButton}
          </button>
        )
      }
    >
      {showForm && (
        <EnableEmailForm
          defaultEmail={accountEmail}
          onSent={handleSent}
          onCooldown={resumeChallenge}
          onCancel={handleFormCancel}
        />
      )}
      {openChallenge && (
        <VerifyDialog
          request={openChallenge.request}
          sent={openChallenge.sent}
          onVerified={handleVerified}
          onCancel={handleDialogCancel}
        />
      )}
    </MethodRow>
  );
}
