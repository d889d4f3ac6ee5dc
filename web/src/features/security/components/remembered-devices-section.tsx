import { useId, useRef, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isStepUpCancelled, type StepUp } from "@/components/second-step";
import { describeError } from "@/components/verify-dialog";
import { REMEMBER_DEVICE_MS, DAY_MS, deviceStillCounts } from "@dash2fa/shared";
import { ListSkeleton } from "@/components/list-skeleton";
import { browserName } from "@/lib/browser-name";
import { useT } from "@/lib/i18n";
import { forgetRememberedDevice, rememberedDeviceId } from "@/lib/remembered-device";
import { useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { invalidateSecurityQueries } from "../api/invalidate";
import { useRememberedDevices, type RememberedDevice } from "../api/get-remembered-devices";
import { DateDetail } from "./date-detail";
import { call } from "@/lib/firebase";

const rememberDays = REMEMBER_DEVICE_MS / DAY_MS;

interface DeviceItemProps {
  device: RememberedDevice;
  isThisBrowser: boolean;
  revoking: boolean;
  onRevoke: () => void;
}

function DeviceItem({ device, isThisBrowser, revoking, onRevoke }: DeviceItemProps) {
  const t = useT();
  const nameId = useId();
  return (
    <li className="list-item" aria-labelledby={nameId}>
      <div className="list-item-main">
        <h3 id={nameId}>
          {browserName(device.browser)}
          {isThisBrowser && <span className="badge badge-on tag">{t("security.thisBrowser")}</span>}
        </h3>
        <dl className="details">
          <DateDetail term={t("security.firstUsedColumn")} epochMs={device.createdAt} />
          <DateDetail term={t("security.lastUsedColumn")} epochMs={device.lastUsedAt} />
          <DateDetail term={t("security.expiresColumn")} epochMs={device.expiresAt} />
        </dl>
      </div>
      <button
        type="button"
        className="button"
        aria-describedby={nameId}
        aria-busy={revoking}
        onClick={onRevoke}
      >
        {t("security.revokeButton")}
      </button>
    </li>
  );
}

interface RememberedDevicesSectionProps {
  withStepUp: StepUp["withStepUp"];
}

/** Browsers that skip the second step, each revocable, or all at once (step-up). */
export function RememberedDevicesSection({ withStepUp }: RememberedDevicesSectionProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const queryClient = useQueryClient();
  const devices = useRememberedDevices(uid);
  const status = useTwoFactorStatus(uid).data;
  // A 2FA or password change ended the devices remembered before it: they are not listed.
  const shown = devices.data?.filter((device) => !status || deviceStillCounts(device, status));
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [revokedCount, setRevokedCount] = useState<number | null>(null);
  const thisDeviceId = rememberedDeviceId(uid);

  const revoke = useMutation({
    mutationFn: (deviceId: string | undefined) =>
      withStepUp(() =>
        deviceId ? call("revokeDevice", { deviceId }) : call("revokeAllDevices", {}),
      ),
    onMutate: () => setRevokedCount(null),
    onSuccess: ({ revoked }, deviceId) => {
      // This browser's own token is useless now; drop it rather than try it next time.
      if (deviceId === undefined || deviceId === thisDeviceId) forgetRememberedDevice(uid);
      setRevokedCount(revoked);
      // The pressed button leaves with its device (or with all of them): keep the
      // keyboard in this section rather than lose it to the top of the page.
      headingRef.current?.focus();
      void invalidateSecurityQueries(queryClient, uid);
    },
  });
  const revokeError =
    revoke.isError && !isStepUpCancelled(revoke.error) ? describeError(revoke.error) : null;

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={devices.isPending}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t("security.devicesTitle")}
      </h2>
      <p>{t("security.devicesIntro", { count: rememberDays })}</p>
      <p aria-live="polite" className="notice live-region">
        {revokedCount !== null && t("security.devicesRevoked", { count: revokedCount })}
      </p>
      {revokeError && (
        <p key={revoke.submittedAt} role="alert" className="alert alert-error">
          {revokeError}
        </p>
      )}
      {devices.isPending ? (
        <ListSkeleton
          rows={1}
          lines={1}
          details={3}
          trailing="button"
          footerButton
          label={t("security.devicesLoading")}
        />
      ) : devices.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{t("security.devicesLoadFailed")}</p>
          <button type="button" className="button" onClick={() => void devices.refetch()}>
            {t("security.retryButton")}
          </button>
        </div>
      ) : !shown || shown.length === 0 ? (
        <p className="muted">{t("security.devicesEmpty")}</p>
      ) : (
        <>
          <ul className="list" aria-label={t("security.devicesTableLabel")}>
            {shown.map((device) => (
              <DeviceItem
                key={device.id}
                device={device}
                isThisBrowser={device.id === thisDeviceId}
                revoking={revoke.isPending && revoke.variables === device.id}
                onRevoke={() => {
                  if (!revoke.isPending) revoke.mutate(device.id);
                }}
              />
            ))}
          </ul>
          <div className="actions">
            <button
              type="button"
              className="button"
              aria-busy={revoke.isPending && revoke.variables === undefined}
              onClick={() => {
                if (!revoke.isPending) revoke.mutate(undefined);
              }}
            >
              {t("security.revokeAllButton")}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
