import { useEffect, useRef, useState } from "react";
import { PageTitle } from "@/components/page-title";
import { SecondStepChallenge } from "@/components/second-step";
import { useT } from "@/lib/i18n";
import { forgetRememberedDevice, readRememberedDevice } from "@/lib/remembered-device";
import { upgradeSession, useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { call, toRefusal } from "@/lib/firebase";

/**
 * The sign-in second step. A remembered browser is tried first, silently; otherwise the
 * user proves a second factor. On success the session is upgraded and the route guard
 * moves on to the page that was asked for.
 */
export function SecondStepPage() {
  const t = useT();
  const { uid } = useSignedInUser();
  const status = useTwoFactorStatus(uid);
  const [checkingDevice, setCheckingDevice] = useState(() => readRememberedDevice(uid) !== null);
  const [deviceForgotten, setDeviceForgotten] = useState(false);
  // Once per visit, also when React runs effects twice in development.
  const deviceTriedRef = useRef(false);

  useEffect(() => {
    if (deviceTriedRef.current) return;
    deviceTriedRef.current = true;
    const device = readRememberedDevice(uid);
    if (!device) return;
    call("signInWithRememberedDevice", { deviceId: device.deviceId, token: device.token })
      .then(({ customToken }) => upgradeSession(customToken))
      .catch((error: unknown) => {
        const reason = toRefusal(error)?.reason;
        // Refused for good (revoked, expired, 2FA or password changed): forget it. Any
        // other failure (offline) keeps it for the next sign-in.
        if (reason === "device-not-recognized" || reason === "invalid-input") {
          forgetRememberedDevice(uid);
          setDeviceForgotten(true);
        }
      })
      // On success the guard leaves this page; this only matters if it does not.
      .finally(() => setCheckingDevice(false));
  }, [uid]);

  return (
    <div className="page page-narrow card stack">
      <PageTitle page={t("secondStep.pageTitle")} />
      <h1>{t("secondStep.title")}</h1>
      {checkingDevice || !status.data ? (
        <p role="status">{checkingDevice ? t("secondStep.checkingDevice") : t("app.loading")}</p>
      ) : (
        <>
          <p>{t("secondStep.intro")}</p>
          {deviceForgotten && (
            <p role="status" className="note">
              {t("secondStep.deviceForgotten")}
            </p>
          )}
          <SecondStepChallenge
            purpose="sign-in"
            status={status.data}
            // The route guard sees the upgraded session and continues to the page asked for.
            onVerified={() => undefined}
          />
        </>
      )}
    </div>
  );
}
