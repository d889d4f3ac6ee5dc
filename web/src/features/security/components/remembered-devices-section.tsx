import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isStepUpCancelled, type StepUp } from "@/components/second-factor";
import { describeError } from "@/components/verify-dialog";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { messages } from "@/lib/messages";
import { forgetRememberedDevice, rememberedDeviceId } from "@/lib/remembered-device";
import { useSignedInUser } from "@/lib/session";
import { invalidateSecurityQueries } from "../api/invalidate";
import { revokeAllDevices } from "../api/revoke-all-devices";
import { revokeDevice } from "../api/revoke-device";
import { useRememberedDevices, type RememberedDevice } from "../api/get-remembered-devices";

const text = messages.security;

function DateDetail({ term, epochMs }: { term: string; epochMs: number }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <time dateTime={isoDateTime(epochMs)}>{formatDateTime(epochMs)}</time>
      </dd>
    </div>
  );
}

interface DeviceItemProps {
  device: RememberedDevice;
  isThisBrowser: boolean;
  revoking: boolean;
  onRevoke: () => void;
}

function DeviceItem({ device, isThisBrowser, revoking, onRevoke }: DeviceItemProps) {
  const nameId = useId();
  return (
    <li className="list-item" aria-labelledby={nameId}>
      <div className="list-item-main">
        <h3 id={nameId}>
          {device.browser}
          {isThisBrowser && <span className="badge badge-on tag">{text.thisBrowser}</span>}
        </h3>
        <dl className="details">
          <DateDetail term={text.firstUsedColumn} epochMs={device.createdAt} />
          <DateDetail term={text.lastUsedColumn} epochMs={device.lastUsedAt} />
          <DateDetail term={text.expiresColumn} epochMs={device.expiresAt} />
        </dl>
      </div>
      <button
        type="button"
        className="button"
        aria-describedby={nameId}
        aria-busy={revoking}
        onClick={onRevoke}
      >
        {text.revokeButton}
      </button>
    </li>
  );
}

interface RememberedDevicesSectionProps {
  withStepUp: StepUp["withStepUp"];
}

/** Browsers that skip the second step, each revocable, or all at once (step-up). */
export function RememberedDevicesSection({ withStepUp }: RememberedDevicesSectionProps) {
  const { uid } = useSignedInUser();
  const queryClient = useQueryClient();
  const devices = useRememberedDevices(uid);
  const headingId = useId();
  const [notice, setNotice] = useState("");
  const thisDeviceId = rememberedDeviceId(uid);

  const revoke = useMutation({
    mutationFn: (deviceId: string | undefined) =>
      withStepUp(() => (deviceId ? revokeDevice({ deviceId }) : revokeAllDevices())),
    onMutate: () => setNotice(""),
    onSuccess: ({ revoked }, deviceId) => {
      // This browser's own token is useless now; drop it rather than try it next time.
      if (deviceId === undefined || deviceId === thisDeviceId) forgetRememberedDevice(uid);
      setNotice(text.devicesRevoked(revoked));
      void invalidateSecurityQueries(queryClient, uid);
    },
  });
  const revokeError =
    revoke.isError && !isStepUpCancelled(revoke.error) ? describeError(revoke.error) : null;

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={devices.isPending}>
      <h2 id={headingId}>{text.devicesTitle}</h2>
      <p>{text.devicesIntro}</p>
      <p aria-live="polite" className="notice live-region">
        {notice}
      </p>
      {revokeError && (
        <p key={revoke.submittedAt} role="alert" className="alert alert-error">
          {revokeError}
        </p>
      )}
      {devices.isPending ? (
        <p className="muted">{text.devicesLoading}</p>
      ) : devices.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{text.devicesLoadFailed}</p>
          <button type="button" className="button" onClick={() => void devices.refetch()}>
            {text.retryButton}
          </button>
        </div>
      ) : devices.data.length === 0 ? (
        <p className="muted">{text.devicesEmpty}</p>
      ) : (
        <>
          <ul className="list" aria-label={text.devicesTableLabel}>
            {devices.data.map((device) => (
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
              {text.revokeAllButton}
            </button>
          </div>
        </>
      )}
    </section>
  );
}
