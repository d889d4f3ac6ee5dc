import { useState, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import type { DisableMethodResult, TwoFactorMethod } from "@dash2fa/shared";
import { ConfirmWithStepUpDialog, isStepUpCancelled, type StepUp } from "@/components/second-step";
import { describeError } from "@/components/verify-dialog";
import { ActionLabel } from "./method-row";
import { useT } from "@/lib/i18n";
import { upgradeSession } from "@/lib/session";
import { call } from "@/lib/firebase";

interface DisableMethodOptions {
  method: TwoFactorMethod;
  /** Turning this one off turns 2FA off: the confirmation says so. */
  onlyEnabledMethod: boolean;
  withStepUp: StepUp["withStepUp"];
  /** The session is already upgraded when this is called. */
  onDisabled: (result: DisableMethodResult) => void;
}

export interface DisableMethodControls {
  /** "Disable", asking for confirmation first. */
  button: ReactNode;
  /** The failure of the last attempt, if any (not a cancelled step-up). */
  alert: ReactNode;
  /** The confirmation while it is open. */
  dialog: ReactNode;
}

/**
 * Turning a method off, the same for every method: confirm, then a recent verification
 * (step-up), then `disableMethod`, whose custom token re-issues this session.
 */
export function useDisableMethod({
  method,
  onlyEnabledMethod,
  withStepUp,
  onDisabled,
}: DisableMethodOptions): DisableMethodControls {
  const t = useT();
  const [confirming, setConfirming] = useState(false);

  const disable = useMutation({
    mutationFn: async () => {
      const result = await withStepUp(() => call("disableMethod", { method }));
      // The change moved `sessionsValidAfter`: the re-issued session must be in place
      // before anything reads the new status.
      await upgradeSession(result.customToken);
      return result;
    },
    onSuccess: onDisabled,
  });
  const error =
    disable.isError && !isStepUpCancelled(disable.error)
      ? describeError(disable.error, undefined, method)
      : null;

  return {
    button: (
      <button
        type="button"
        className="button button-danger-quiet"
        aria-busy={disable.isPending}
        onClick={() => {
          if (!disable.isPending) setConfirming(true);
        }}
      >
        <ActionLabel label={t("security.disableButton")} method={t(`methods.${method}`)} />
      </button>
    ),
    alert: error && (
      <p key={disable.submittedAt} role="alert" className="alert alert-error method-alert">
        {error}
      </p>
    ),
    dialog: confirming && (
      <ConfirmWithStepUpDialog
        title={t(`security.disableConfirmTitle.${method}`)}
        body={
          onlyEnabledMethod
            ? t("security.disableLastConfirmBody")
            : t(`security.disableConfirmBody.${method}`)
        }
        confirmLabel={t(`security.disableConfirmButton.${method}`)}
        danger
        onConfirm={() => {
          setConfirming(false);
          disable.mutate();
        }}
        onCancel={() => setConfirming(false)}
      />
    ),
  };
}
