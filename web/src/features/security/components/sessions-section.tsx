import { useId, useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { isStepUpCancelled, type StepUp } from "@/components/second-step";
import { describeError } from "@/components/verify-dialog";
import { DAY_MS, sessionPolicy } from "@dash2fa/shared";
import { ListSkeleton } from "@/components/list-skeleton";
import { browserName } from "@/lib/browser-name";
import { useT } from "@/lib/i18n";
import { useSignedInSession } from "@/lib/session";
import { useSignOut } from "@/lib/sign-out";
import { invalidateSecurityQueries } from "../api/invalidate";
import { useSessions, type SignedInSession } from "../api/sessions";
import { DateDetail } from "./date-detail";
import { call } from "@/lib/firebase";

interface SessionItemProps {
  session: SignedInSession;
  isThisSession: boolean;
  busy: boolean;
  onSignOut: () => void;
}

function SessionItem({ session, isThisSession, busy, onSignOut }: SessionItemProps) {
  const t = useT();
  const nameId = useId();
  return (
    <li className="list-item" aria-labelledby={nameId}>
      <div className="list-item-main">
        <h3 id={nameId}>
          {browserName(session.browser)}
          {isThisSession && (
            <span className="badge badge-on tag">{t("security.sessions.thisSession")}</span>
          )}
        </h3>
        <dl className="details">
          <DateDetail term={t("security.sessions.signedInColumn")} epochMs={session.createdAt} />
          <DateDetail term={t("security.sessions.lastSeenColumn")} epochMs={session.lastSeenAt} />
          <div>
            <dt>{t("security.sessions.howColumn")}</dt>
            <dd>{t(`security.activityMethods.${session.how}`)}</dd>
          </div>
        </dl>
      </div>
      <button
        type="button"
        className="button"
        aria-label={
          isThisSession
            ? t("security.sessions.signOutHere")
            : t("security.sessions.signOutOf", { browser: browserName(session.browser) })
        }
        aria-busy={busy}
        onClick={onSignOut}
      >
        {t("security.sessions.signOutButton")}
      </button>
    </li>
  );
}

interface SessionsSectionProps {
  withStepUp: StepUp["withStepUp"];
}

/**
 * "Where you're signed in": every session of the account, this one first. Signing out of
 * this one is the usual sign-out; of another, or of all others, needs a step-up.
 */
export function SessionsSection({ withStepUp }: SessionsSectionProps) {
  const t = useT();
  const { user, claims } = useSignedInSession();
  const queryClient = useQueryClient();
  const sessions = useSessions(user.uid);
  const signOutHere = useSignOut();
  const headingId = useId();
  const [endedCount, setEndedCount] = useState<number | null>(null);

  const end = useMutation({
    mutationFn: (sessionId: string | undefined) =>
      withStepUp(() =>
        sessionId ? call("signOutSession", { sessionId }) : call("signOutOtherSessions", {}),
      ),
    onMutate: () => setEndedCount(null),
    onSuccess: ({ ended }) => {
      setEndedCount(ended);
      void invalidateSecurityQueries(queryClient, user.uid);
    },
  });
  const endError = end.isError && !isStepUpCancelled(end.error) ? describeError(end.error) : null;

  const list = sessions.data ?? [];
  const ordered = [
    ...list.filter((session) => session.id === claims.sid),
    ...list.filter((session) => session.id !== claims.sid),
  ];
  const others = ordered.length - (ordered[0]?.id === claims.sid ? 1 : 0);

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={sessions.isPending}>
      <h2 id={headingId}>{t("security.sessions.title")}</h2>
      <p>
        {t("security.sessions.intro", {
          days: String(sessionPolicy.absoluteLifetimeMs / DAY_MS),
          idleDays: String(sessionPolicy.idleTimeoutMs / DAY_MS),
        })}
      </p>
      <p aria-live="polite" className="notice live-region">
        {endedCount !== null && t("security.sessions.ended", { count: endedCount })}
      </p>
      {endError && (
        <p key={end.submittedAt} role="alert" className="alert alert-error">
          {endError}
        </p>
      )}
      {sessions.isPending ? (
        <ListSkeleton
          rows={2}
          lines={1}
          details={3}
          trailing="button"
          footerButton
          label={t("security.sessions.loading")}
        />
      ) : sessions.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{t("security.sessions.loadFailed")}</p>
          <button type="button" className="button" onClick={() => void sessions.refetch()}>
            {t("security.retryButton")}
          </button>
        </div>
      ) : (
        <>
          <ul className="list" aria-label={t("security.sessions.listLabel")}>
            {ordered.map((session) => {
              const isThisSession = session.id === claims.sid;
              return (
                <SessionItem
                  key={session.id}
                  session={session}
                  isThisSession={isThisSession}
                  busy={
                    isThisSession
                      ? signOutHere.isPending
                      : end.isPending && end.variables === session.id
                  }
                  onSignOut={() => {
                    if (isThisSession) {
                      if (!signOutHere.isPending) signOutHere.mutate();
                    } else if (!end.isPending) {
                      end.mutate(session.id);
                    }
                  }}
                />
              );
            })}
          </ul>
          <div className="actions">
            {others > 0 ? (
              <button
                type="button"
                className="button"
                aria-busy={end.isPending && end.variables === undefined}
                onClick={() => {
                  if (!end.isPending) end.mutate(undefined);
                }}
              >
                {t("security.sessions.signOutOthersButton")}
              </button>
            ) : (
              <p className="muted">{t("security.sessions.noOthers")}</p>
            )}
          </div>
        </>
      )}
    </section>
  );
}
