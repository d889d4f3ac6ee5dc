import { useRef, useState } from "react";
import { PageTitle } from "@/components/page-title";
import { useStepUp } from "@/components/second-step";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { PasswordSection } from "./password-section";
import { RecoveryCodesPanel } from "./recovery-codes-panel";
import { RecoveryCodesSection } from "./recovery-codes-section";
import { RememberedDevicesSection } from "./remembered-devices-section";
import { SecurityActivitySection } from "./security-activity-section";
import { SessionsSection } from "./sessions-section";
import { TwoFactorSection } from "./two-factor-section";

/** Recovery codes to show once, and the section whose action produced them. */
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
  const recoveryHeadingRef = useRef<HTMLHeadingElement>(null);

  const panel = shownCodes && (
    <RecoveryCodesPanel
      key={shownCodes.codes.join()}
      codes={shownCodes.codes}
      accountEmail={user.email ?? ""}
      // After enabling, focus goes to the success message just above the panel.
      focusOnShow={shownCodes.origin === "regenerate"}
      onDone={() => {
        setShownCodes(null);
        recoveryHeadingRef.current?.focus();
      }}
    />
  );

  return (
    <div className="page stack">
      <PageTitle page={t("security.title")} />
      <h1>{t("security.title")}</h1>
      <TwoFactorSection
        withStepUp={withStepUp}
        onRecoveryCodes={(codes) => setShownCodes({ codes, origin: "enable" })}
        codesPanel={shownCodes?.origin === "enable" ? panel : null}
      />
      <RecoveryCodesSection
        withStepUp={withStepUp}
        headingRef={recoveryHeadingRef}
        onRegenerated={(codes) => setShownCodes({ codes, origin: "regenerate" })}
        codesPanel={shownCodes?.origin === "regenerate" ? panel : null}
      />
      {status.data?.required && <SessionsSection withStepUp={withStepUp} />}
      <RememberedDevicesSection withStepUp={withStepUp} />
      <SecurityActivitySection />
      <PasswordSection withStepUp={withStepUp} />
      {stepUpDialog}
    </div>
  );
}
