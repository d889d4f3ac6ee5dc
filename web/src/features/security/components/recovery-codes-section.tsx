import { useId, useState, type Ref } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { recoveryCodePolicy } from "@dash2fa/shared";
import { ConfirmWithStepUpDialog, isStepUpCancelled, type StepUp } from "@/components/second-step";
import { describeError } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { invalidateSecurityQueries } from "../api/invalidate";
import { call } from "@/lib/firebase";

/** Few enough left that the user should make new ones before they run out. */
const LOW_RECOVERY_CODES = 3;

interface RecoveryCodesSectionProps {
  withStepUp: StepUp["withStepUp"];
  /** New codes, shown by the page in a step of their own. */
  onRegenerated: (codes: string[]) => void;
  headingRef?: Ref<HTMLHeadingElement>;
}

export function RecoveryCodesSection({
  withStepUp,
  onRegenerated,
  headingRef,
}: RecoveryCodesSectionProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const queryClient = useQueryClient();
  const status = useTwoFactorStatus(uid);
  const headingId = useId();
  const [confirming, setConfirming] = useState(false);

  const regenerate = useMutation({
    mutationFn: () => withStepUp(() => call("regenerateRecoveryCodes", {})),
    onSuccess: ({ recoveryCodes }) => {
      onRegenerated(recoveryCodes);
      void invalidateSecurityQueries(queryClient, uid);
    },
  });
  const regenerateError =
    regenerate.isError && !isStepUpCancelled(regenerate.error)
      ? describeError(regenerate.error)
      : null;

  const required = status.data?.required === true;
  const remaining = status.data?.recoveryCodesRemaining ?? 0;

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={status.isPending}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t("security.recoveryTitle")}
      </h2>
      <p>{t("security.recoveryIntro")}</p>
      {status.isPending && (
        // The count and the button's line, held open until the status arrives.
        <div className="recovery-skeleton">
          <p className="visually-hidden">{t("security.recoveryLoading")}</p>
          <span className="skeleton-line skeleton-line-short" aria-hidden="true" />
          <span className="skeleton-button" aria-hidden="true" />
        </div>
      )}
      {status.data &&
        (required ? (
          <>
            <p className="recovery-count">
              {t("security.recoveryRemaining", {
                remaining: String(remaining),
                count: recoveryCodePolicy.count,
              })}
            </p>
            {remaining <= LOW_RECOVERY_CODES && <p className="note">{t("security.recoveryLow")}</p>}
          </>
        ) : (
          <p className="muted">{t("security.recoveryNotYet")}</p>
        ))}
      {regenerateError && (
        <p key={regenerate.submittedAt} role="alert" className="alert alert-error">
          {regenerateError}
        </p>
      )}
      {required && (
        <div className="actions">
          <button
            type="button"
            className="button"
            aria-busy={regenerate.isPending}
            onClick={() => {
              if (!regenerate.isPending) setConfirming(true);
            }}
          >
            {t("security.generateButton")}
          </button>
        </div>
      )}
      {confirming && (
        <ConfirmWithStepUpDialog
          title={t("security.regenerateConfirmTitle")}
          body={t("security.regenerateConfirmBody")}
          confirmLabel={t("security.regenerateConfirmButton")}
          onConfirm={() => {
            setConfirming(false);
            regenerate.mutate();
          }}
          onCancel={() => setConfirming(false)}
        />
      )}
    </section>
  );
}
