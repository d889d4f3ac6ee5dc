import { useRef, useState } from "react";
import { flushSync } from "react-dom";
import { useMutation } from "@tanstack/react-query";
import type {
  DisableMethodResult,
  TwoFactorMethod,
  TwoFactorMethodStatus,
  VerifyCodeResult,
} from "@dash2fa/shared";
import { ConfirmDialog } from "@/components/confirm-dialog";
import { isStepUpCancelled, type StepUp } from "@/components/second-factor";
import { describeError, VerifyDialog } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { upgradeSession } from "@/lib/session";
import { disableMethod } from "../api/disable-method";
import { EmailDestinationForm } from "./email-destination-form";
import { MethodRow } from "./method-row";
import { PhoneDestinationForm } from "./phone-destination-form";
import type { EnrollChallenge } from "./use-enroll-send";

interface MethodItemProps {
  method: TwoFactorMethod;
  status: TwoFactorMethodStatus | undefined;
  loading: boolean;
  /** Turning this one off turns 2FA off: the confirmation says so. */
  onlyEnabledMethod: boolean;
  accountEmail: string;
  withStepUp: StepUp["withStepUp"];
  /** A code for this method was verified (enabled or changed); resolves once handled. */
  onVerified: (result: VerifyCodeResult, changed: boolean) => Promise<void>;
  /** The session is already upgraded when this is called. */
  onDisabled: (result: DisableMethodResult) => void;
  onCancelled: () => void;
}

/** One method: its status, and enabling, changing or disabling it. */
export function MethodItem({
  method,
  status,
  loading,
  onlyEnabledMethod,
  accountEmail,
  withStepUp,
  onVerified,
  onDisabled,
  onCancelled,
}: MethodItemProps) {
  const t = useT();
  const [editing, setEditing] = useState(false);
  const [confirmingDisable, setConfirmingDisable] = useState(false);
  const [openChallenge, setOpenChallenge] = useState<EnrollChallenge | null>(null);
  // The last code sent, so a cancelled dialog can be reopened while that code still works
  // instead of running into the resend cooldown.
  const lastChallengeRef = useRef<EnrollChallenge | null>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const enabled = status?.enabled === true;
  const name = t(`methods.${method}`);

  const disable = useMutation({
    mutationFn: async () => {
      const result = await withStepUp(() => disableMethod({ method }));
      // The change moved `sessionsValidAfter`: the re-issued session must be in place
      // before anything reads the new status.
      await upgradeSession(result.customToken);
      return result;
    },
    onSuccess: onDisabled,
  });
  const disableError =
    disable.isError && !isStepUpCancelled(disable.error) ? describeError(disable.error) : null;

  function handleSent(challenge: EnrollChallenge) {
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
    openerRef.current?.focus();
  }

  async function handleVerified(result: VerifyCodeResult) {
    await onVerified(result, enabled);
    lastChallengeRef.current = null;
    setOpenChallenge(null);
    setEditing(false);
  }

  function handleDialogCancel() {
    setOpenChallenge(null);
    onCancelled();
  }

  function confirmDisable() {
    setConfirmingDisable(false);
    disable.mutate();
  }

  const showForm = editing && !loading;

  return (
    <MethodRow
      name={name}
      status={status}
      loading={loading}
      action={
        loading || showForm ? null : enabled ? (
          <>
            <button
              ref={openerRef}
              type="button"
              className="button"
              onClick={() => setEditing(true)}
            >
              {t("security.changeButton")}
            </button>
            <button
              type="button"
              className="button button-danger-quiet"
              aria-busy={disable.isPending}
              onClick={() => {
                if (!disable.isPending) setConfirmingDisable(true);
              }}
            >
              {t("security.disableButton")}
            </button>
          </>
        ) : (
          <button ref={openerRef} type="button" className="button" onClick={() => setEditing(true)}>
            {t("security.enableButton")}
          </button>
        )
      }
    >
      {disableError && (
        <p key={disable.submittedAt} role="alert" className="alert alert-error method-alert">
          {disableError}
        </p>
      )}
      {showForm &&
        (method === "email" ? (
          <EmailDestinationForm
            // A new address replaces the old one, so only enabling suggests the account's.
            defaultEmail={enabled ? "" : accountEmail}
            changing={enabled}
            withStepUp={withStepUp}
            onSent={handleSent}
            onCooldown={resumeChallenge}
            onCancel={handleFormCancel}
          />
        ) : (
          <PhoneDestinationForm
            changing={enabled}
            withStepUp={withStepUp}
            onSent={handleSent}
            onCooldown={resumeChallenge}
            onCancel={handleFormCancel}
          />
        ))}
      {openChallenge && (
        <VerifyDialog
          request={openChallenge.request}
          sent={openChallenge.sent}
          onVerified={handleVerified}
          onCancel={handleDialogCancel}
        />
      )}
      {confirmingDisable && (
        <ConfirmDialog
          title={t(`security.disableConfirmTitle.${method}`)}
          body={
            onlyEnabledMethod
              ? t("security.disableLastConfirmBody")
              : t("security.disableConfirmBody")
          }
          confirmLabel={t(`security.disableConfirmButton.${method}`)}
          danger
          onConfirm={confirmDisable}
          onCancel={() => setConfirmingDisable(false)}
        />
      )}
    </MethodRow>
  );
}
