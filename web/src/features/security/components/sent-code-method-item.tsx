import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { flushSync } from "react-dom";
import type {
  DeliveredMethod,
  DisableMethodResult,
  TwoFactorMethodStatus,
  VerifyCodeResult,
} from "@dash2fa/shared";
import type { StepUp } from "@/components/second-step";
import { VerifyDialog } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { EmailDestinationForm } from "./email-destination-form";
import { ActionLabel, MethodRow } from "./method-row";
import type { EnrollChallenge } from "./use-enroll-send";
import { useDisableMethod } from "./use-disable-method";

// The phone form carries libphonenumber's metadata, the largest part of this page: it
// loads once the page has rendered, so it is ready by the time someone opens it.
const loadPhoneForm = () => import("./phone-destination-form");
const PhoneDestinationForm = lazy(async () => ({
  default: (await loadPhoneForm()).PhoneDestinationForm,
}));

interface MethodItemProps {
  method: DeliveredMethod;
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

/** Email or phone: its status, and enabling, changing or disabling it. */
export function SentCodeMethodItem({
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
  const [openChallenge, setOpenChallenge] = useState<EnrollChallenge | null>(null);
  // The last code sent, so a cancelled dialog can be reopened while that code still works
  // instead of running into the resend cooldown.
  const lastChallengeRef = useRef<EnrollChallenge | null>(null);
  const openerRef = useRef<HTMLButtonElement>(null);
  const enabled = status?.enabled === true;
  const name = t(`methods.${method}`);

  const disable = useDisableMethod({ method, onlyEnabledMethod, withStepUp, onDisabled });

  useEffect(() => {
    if (method === "phone") void loadPhoneForm().catch(() => undefined);
  }, [method]);

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
              <ActionLabel label={t("security.changeButton")} method={name} />
            </button>
            {disable.button}
          </>
        ) : (
          <button ref={openerRef} type="button" className="button" onClick={() => setEditing(true)}>
            <ActionLabel label={t("security.enableButton")} method={name} />
          </button>
        )
      }
    >
      {disable.alert}
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
          <Suspense fallback={<p role="status">{t("app.loading")}</p>}>
            <PhoneDestinationForm
              changing={enabled}
              withStepUp={withStepUp}
              onSent={handleSent}
              onCooldown={resumeChallenge}
              onCancel={handleFormCancel}
            />
          </Suspense>
        ))}
      {openChallenge && (
        <VerifyDialog
          request={openChallenge.request}
          sent={openChallenge.sent}
          onVerified={handleVerified}
          onCancel={handleDialogCancel}
        />
      )}
      {disable.dialog}
    </MethodRow>
  );
}
