import { useEffect, useRef, useState } from "react";
import { PageTitle } from "@/components/page-title";
import { useStepUp } from "@/components/second-step";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { PasswordSection } from "./password-section";
import { RecoveryCodesDialog } from "./recovery-codes-panel";
import { RecoveryCodesSection } from "./recovery-codes-section";
import { RememberedDevicesSection } from "./remembered-devices-section";
import { SecurityActivitySection } from "./security-activity-section";
import { SessionsSection } from "./sessions-section";
import { TwoFactorSection } from "./two-factor-section";
import { TwoFactorSummary } from "./two-factor-summary";

/** Recovery codes to show once, and the action that produced them. */
interface ShownCodes {
  codes: string[];
  origin: "enable" | "regenerate";
}

export function SecurityPage() {
  const t = useT();
  const user = useSignedInUser();
  const status = useTwoFactorStatus(user.uid);
  // One "Confirm it's you" flow for every sensitive action on the page.
  const { withStepUp, stepUpDialog } = useStepUp();
  const [shownCodes, setShownCodes] = useState<ShownCodes | null>(null);
  // Where focus goes once the codes' dialog has gone (it can only land outside it then).
  const focusAfterCodes = useRef<ShownCodes["origin"] | null>(null);
  const summaryHeadingRef = useRef<HTMLHeadingElement>(null);
  const recoveryHeadingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (shownCodes || !focusAfterCodes.current) return;
    // After enabling, the overview says 2FA is on; after new codes, their count.
    const target = focusAfterCodes.current === "enable" ? summaryHeadingRef : recoveryHeadingRef;
    focusAfterCodes.current = null;
    target.current?.focus();
  }, [shownCodes]);

  return (
    <div className="page stack">
      <PageTitle page={t("security.title")} />
      <h1>{t("security.title")}</h1>
      <TwoFactorSummary headingRef={summaryHeadingRef} />
      <TwoFactorSection
        withStepUp={withStepUp}
        onRecoveryCodes={(codes) => setShownCodes({ codes, origin: "enable" })}
        codesPanel={null}
      />
      <RecoveryCodesSection
        withStepUp={withStepUp}
        headingRef={recoveryHeadingRef}
        onRegenerated={(codes) => setShownCodes({ codes, origin: "regenerate" })}
      />
      {status.data?.required && <SessionsSection withStepUp={withStepUp} />}
      <RememberedDevicesSection withStepUp={withStepUp} />
      <SecurityActivitySection />
      <PasswordSection withStepUp={withStepUp} />
      {stepUpDialog}
      {shownCodes && (
        <RecoveryCodesDialog
          key={shownCodes.codes.join()}
          codes={shownCodes.codes}
          accountEmail={user.email ?? ""}
          justActivated={shownCodes.origin === "enable"}
          onDone={() => {
            focusAfterCodes.current = shownCodes.origin;
            setShownCodes(null);
          }}
        />
      )}
    </div>
  );
}
