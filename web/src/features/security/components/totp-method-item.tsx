import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type {
  DisableMethodResult,
  StartTotpEnrollmentResult,
  TwoFactorMethodStatus,
  VerifyCodeResult,
} from "@dash2fa/shared";
import { isStepUpCancelled, type StepUp } from "@/components/second-step";
import { describeError } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { ActionLabel, MethodRow } from "./method-row";
import { TotpSetupDialog } from "./totp-setup-dialog";
import { useDisableMethod } from "./use-disable-method";
import { call } from "@/lib/firebase";

interface TotpMethodItemProps {
  status: TwoFactorMethodStatus | undefined;
  loading: boolean;
  onlyEnabledMethod: boolean;
  withStepUp: StepUp["withStepUp"];
  /** The first code was accepted: the app is on; resolves once handled. */
  onVerified: (result: VerifyCodeResult) => Promise<void>;
  onDisabled: (result: DisableMethodResult) => void;
  onCancelled: () => void;
}

/**
 * The authenticator app: set up with a QR code and a first code, or disabled. There is
 * nothing to change: a new phone means disabling and setting it up again.
 */
export function TotpMethodItem({
  status,
  loading,
  onlyEnabledMethod,
  withStepUp,
  onVerified,
  onDisabled,
  onCancelled,
}: TotpMethodItemProps) {
  const t = useT();
  const [enrollment, setEnrollment] = useState<StartTotpEnrollmentResult | null>(null);
  const enabled = status?.enabled === true;
  const disable = useDisableMethod({
    method: "totp",
    onlyEnabledMethod,
    withStepUp,
    onDisabled,
  });

  // Like sending an enrolment code: step-up only if the server asks for it.
  const start = useMutation({
    mutationFn: () => withStepUp(() => call("startTotpEnrollment", {}), { askFirst: false }),
    onSuccess: setEnrollment,
  });
  const startError =
    start.isError && !isStepUpCancelled(start.error)
      ? describeError(start.error, undefined, "totp")
      : null;

  async function handleVerified(result: VerifyCodeResult) {
    await onVerified(result);
    setEnrollment(null);
  }

  function handleCancel() {
    setEnrollment(null);
    onCancelled();
  }

  return (
    <MethodRow
      name={t("methods.totp")}
      status={status}
      loading={loading}
      action={
        loading ? null : enabled ? (
          disable.button
        ) : (
          <button
            type="button"
            className="button"
            aria-busy={start.isPending}
            onClick={() => {
              if (!start.isPending) start.mutate();
            }}
          >
            <ActionLabel label={t("security.enableButton")} method={t("methods.totp")} />
          </button>
        )
      }
    >
      {disable.alert}
      {startError && !enrollment && (
        <p key={start.submittedAt} role="alert" className="alert alert-error method-alert">
          {startError}
        </p>
      )}
      {enrollment && (
        <TotpSetupDialog
          enrollment={enrollment}
          restarting={start.isPending}
          restartError={startError}
          onRestart={() => start.mutate()}
          onVerified={handleVerified}
          onCancel={handleCancel}
        />
      )}
      {disable.dialog}
    </MethodRow>
  );
}
