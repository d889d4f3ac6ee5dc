import { useId } from "react";
import type { ActivityType } from "@dash2fa/shared";
import { ListSkeleton } from "@/components/list-skeleton";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { browserName } from "@/lib/browser-name";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { useSecurityActivity, type ActivityEvent } from "../api/get-security-activity";

const activityTypes: readonly string[] = [
  "method-enabled",
  "method-disabled",
  "destination-changed",
  "sign-in-verified",
  "verification-failed",
  "locked-out",
  "recovery-code-used",
  "recovery-codes-regenerated",
  "device-remembered",
  "device-revoked",
  "passkey-added",
  "passkey-renamed",
  "passkey-removed",
  "password-changed",
  "password-reset",
] satisfies ActivityType[];

/** The server may know newer event types than this page: those show their raw name. */
function isKnownType(type: string): type is ActivityType {
  return activityTypes.includes(type);
}

function ActivityItem({ event }: { event: ActivityEvent }) {
  const t = useT();
  const details = [
    event.method && t(`security.activityMethods.${event.method}`),
    event.name && t("security.activityKeyName", { name: event.name }),
    event.browser && browserName(event.browser),
  ].filter((part): part is string => Boolean(part));
  return (
    <li className="list-item">
      <div className="list-item-main">
        <p className="activity-type">
          {isKnownType(event.type) ? t(`security.activityTypes.${event.type}`) : event.type}
        </p>
        {details.length > 0 && (
          <p className="muted">{details.join(t("security.detailsSeparator"))}</p>
        )}
      </div>
      <time className="muted" dateTime={isoDateTime(event.at)}>
        {formatDateTime(event.at)}
      </time>
    </li>
  );
}

/** The latest security events, newest first. */
export function SecurityActivitySection() {
  const t = useT();
  const { uid } = useSignedInUser();
  const activity = useSecurityActivity(uid);
  const headingId = useId();

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={activity.isPending}>
      <h2 id={headingId}>{t("security.activityTitle")}</h2>
      <p>{t("security.activityIntro")}</p>
      {activity.isPending ? (
        <ListSkeleton rows={3} trailing="text" label={t("security.activityLoading")} />
      ) : activity.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{t("security.activityLoadFailed")}</p>
          <button type="button" className="button" onClick={() => void activity.refetch()}>
            {t("security.retryButton")}
          </button>
        </div>
      ) : activity.data.length === 0 ? (
        <p className="muted">{t("security.activityEmpty")}</p>
      ) : (
        <ol className="list" aria-labelledby={headingId}>
          {activity.data.map((event) => (
            <ActivityItem key={event.id} event={event} />
          ))}
        </ol>
      )}
    </section>
  );
}
