import { useEffect, useId, useRef, type ReactNode } from "react";
import { useQueryClient } from "@tanstack/react-query";
import {
  twoFactorMethods,
  type DisableMethodResult,
  type FinishPasskeyRegistrationResult,
  type RemovePasskeyResult,
  type RenamePasskeyResult,
  type TwoFactorStatusDoc,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import type { StepUp } from "@/components/second-step";
import { useT } from "@/lib/i18n";
import { upgradeSession, useSignedInUser } from "@/lib/session";
import {
  enabledMethods,
  twoFactorStatusQueryOptions,
  useTwoFactorStatus,
} from "@/lib/two-factor-status";
import { useAnnouncement } from "@/lib/use-announcement";
import { invalidateSecurityQueries } from "../api/invalidate";
import {
  methodDisabledMessage,
  methodEnabledMessage,
  passkeyAddedMessage,
  passkeyRemovedMessage,
} from "./method-messages";
import { SentCodeMethodItem } from "./sent-code-method-item";
import { PasskeyMethodItem } from "./passkey-method-item";
import { TotpMethodItem } from "./totp-method-item";

interface TwoFactorSectionProps {
  withStepUp: StepUp["withStepUp"];
  /** The first method was enabled and brought recovery codes. */
  onRecoveryCodes: (codes: string[]) => void;
  /** Shown under the notice (the recovery codes the first method brought). */
  codesPanel: ReactNode;
}

export function TwoFactorSection({
  withStepUp,
  onRecoveryCodes,
  codesPanel,
}: TwoFactorSectionProps) {
  const t = useT();
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const status = useTwoFactorStatus(user.uid);
  const headingId = useId();
  const noticeRef = useRef<HTMLDivElement>(null);
  // Every notice is new (a new key), so focus moves and the sentence is announced again.
  const { announcement: notice, announce } = useAnnouncement();

  useEffect(() => {
    if (notice) noticeRef.current?.focus();
  }, [notice]);

  const { queryKey } = twoFactorStatusQueryOptions(user.uid);
  const enabled = status.data ? enabledMethods(status.data) : [];

  async function handleVerified(result: VerifyCodeResult, changed: boolean) {
    // The change moved `sessionsValidAfter` and ended every other session: sign in with
    // the upgraded session before anything reads the new status.
    await upgradeSession(result.customToken);
    // Show the verified method at once, then confirm with what the server stored.
    queryClient.setQueryData(
      queryKey,
      (previous): TwoFactorStatusDoc | undefined =>
        previous && {
          ...previous,
          methods: {
            ...previous.methods,
            [result.method]: {
              enabled: true,
              maskedDestination: result.maskedDestination,
              enabledAt: Date.now(),
            },
          },
          required: true,
          lastUsedMethod: result.method,
        },
    );
    void invalidateSecurityQueries(queryClient, user.uid);
    if (result.recoveryCodes) onRecoveryCodes(result.recoveryCodes);
    const { method } = result;
    // Recovery codes come only with the method that turned two-factor authentication on.
    const turnedOn = result.recoveryCodes !== undefined;
    announce(() =>
      changed && method !== "totp"
        ? t(`security.destinationChanged.${method}`)
        : methodEnabledMessage(t, method, turnedOn),
    );
  }

  async function handlePasskeyAdded(result: FinishPasskeyRegistrationResult) {
    // Like enabling a method: the session is re-issued before anything reads the status.
    await upgradeSession(result.customToken);
    void invalidateSecurityQueries(queryClient, user.uid);
    if (result.recoveryCodes) onRecoveryCodes(result.recoveryCodes);
    const { name } = result;
    const turnedOn = result.recoveryCodes !== undefined;
    announce(() => passkeyAddedMessage(t, name, turnedOn));
  }

  function handlePasskeyRenamed({ name }: RenamePasskeyResult) {
    void invalidateSecurityQueries(queryClient, user.uid);
    announce(() => t("security.passkeys.renamed", { name }));
  }

  function handlePasskeyRemoved({ remaining }: RemovePasskeyResult, name: string) {
    // The last key turns passkeys off: say what still protects the account, if anything.
    const othersOn = enabled.filter((method) => method !== "passkey");
    void invalidateSecurityQueries(queryClient, user.uid);
    announce(() => passkeyRemovedMessage(t, name, remaining, othersOn));
  }

  function handleDisabled({ method, remainingMethods }: DisableMethodResult) {
    void invalidateSecurityQueries(queryClient, user.uid);
    announce(() => methodDisabledMessage(t, method, remainingMethods));
  }

  function handleDialogCancelled() {
    // A verification may have completed just before the cancel; refresh to be sure.
    void queryClient.invalidateQueries({ queryKey });
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("security.twoFactorTitle")}</h2>
      <p>{t("security.twoFactorIntro")}</p>
      <p className="note">{t("security.twoFactorRecommendation")}</p>

      {/* Present from the start so screen readers announce the message when it appears. */}
      <div
        ref={noticeRef}
        role="status"
        tabIndex={-1}
        className={notice ? "alert alert-success" : "live-region"}
      >
        {notice && <span key={notice.key}>{notice.message()}</span>}
      </div>
      {codesPanel}

      {status.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{t("security.statusLoadFailed")}</p>
          <button type="button" className="button" onClick={() => void status.refetch()}>
            {t("security.retryButton")}
          </button>
        </div>
      ) : (
        <ul
          className="methods"
          aria-label={t("security.methodsLabel")}
          aria-busy={status.isPending}
        >
          {twoFactorMethods.map((method) => {
            const common = {
              status: status.data?.methods[method],
              loading: status.isPending,
              onlyEnabledMethod: enabled.length === 1 && enabled[0] === method,
              withStepUp,
              onDisabled: handleDisabled,
            };
            switch (method) {
              case "email":
              case "phone":
                return (
                  <SentCodeMethodItem
                    key={method}
                    method={method}
                    {...common}
                    accountEmail={user.email ?? ""}
                    onVerified={handleVerified}
                    onCancelled={handleDialogCancelled}
                  />
                );
              case "totp":
                return (
                  <TotpMethodItem
                    key={method}
                    {...common}
                    onVerified={(result) => handleVerified(result, false)}
                    onCancelled={handleDialogCancelled}
                  />
                );
              case "passkey":
                return (
                  <PasskeyMethodItem
                    key={method}
                    {...common}
                    twoFactorOn={enabled.length > 0}
                    onAdded={handlePasskeyAdded}
                    onRenamed={handlePasskeyRenamed}
                    onRemoved={handlePasskeyRemoved}
                  />
                );
            }
          })}
        </ul>
      )}
    </section>
  );
}
