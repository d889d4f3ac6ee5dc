import { useId } from "react";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { messages } from "@/lib/messages";
import { useSignedInUser } from "@/lib/session";
import { useSecurityActivity, type ActivityEvent } from "../api/get-security-activity";

const text = messages.security;

function ActivityItem({ event }: { event: ActivityEvent }) {
  const details = [event.method && text.activityMethods[event.method], event.browser].filter(
    (part): part is string => Boolean(part),
  );
  return (
    <li className="list-item">
      <div className="list-item-main">
        <p className="activity-type">{text.activityTypes[event.type] ?? event.type}</p>
        {details.length > 0 && <p className="muted">{text.activityDetails(details)}</p>}
      </div>
      <time className="muted" dateTime={isoDateTime(event.at)}>
        {formatDateTime(event.at)}
      </time>
    </li>
  );
}

/** The latest security events, newest first. */
export function SecurityActivitySection() {
  const { uid } = useSignedInUser();
  const activity = useSecurityActivity(uid);
  const headingId = useId();

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={activity.isPending}>
      <h2 id={headingId}>{text.activityTitle}</h2>
      <p>{text.activityIntro}</p>
      {activity.isPending ? (
        <p className="muted">{text.activityLoading}</p>
      ) : activity.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{text.activityLoadFailed}</p>
          <button type="button" className="button" onClick={() => void activity.refetch()}>
            {text.retryButton}
          </button>
        </div>
      ) : activity.data.length === 0 ? (
        <p className="muted">{text.activityEmpty}</p>
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
