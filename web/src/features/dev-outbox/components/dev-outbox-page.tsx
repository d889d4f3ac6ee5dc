import { useId } from "react";
import { ListSkeleton } from "@/components/list-skeleton";
import { PageTitle } from "@/components/page-title";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import { DEV_OUTBOX_REFRESH_MS, useDevOutbox } from "../api/get-dev-outbox";
import { ResetLimitsSection } from "./reset-limits-section";

const deliveryStates = ["PENDING", "PROCESSING", "SUCCESS", "ERROR"] as const;
type DeliveryState = (typeof deliveryStates)[number];

function isDeliveryState(state: string): state is DeliveryState {
  return (deliveryStates as readonly string[]).includes(state);
}

/**
 * Development only (the route exists only with the emulators): every message the
 * emulator delivered, so a developer can read codes without the mail inbox or logs.
 */
export function DevOutboxPage() {
  const t = useT();
  const outbox = useDevOutbox();
  const headingId = useId();

  return (
    <div className="page page-wide stack">
      <PageTitle page={t("devOutbox.title")} />
      <h1 id={headingId}>{t("devOutbox.title")}</h1>
      <p>{t("devOutbox.intro", { count: DEV_OUTBOX_REFRESH_MS / 1000 })}</p>
      <ResetLimitsSection />
      {outbox.isPending ? (
        <ListSkeleton rows={3} label={t("devOutbox.loading")} />
      ) : outbox.isError && !outbox.data ? (
        <div role="alert" className="alert alert-error">
          <p>{t("devOutbox.loadFailed")}</p>
          <button type="button" className="button" onClick={() => void outbox.refetch()}>
            {t("devOutbox.retryButton")}
          </button>
        </div>
      ) : outbox.data.length === 0 ? (
        <p className="muted">{t("devOutbox.empty")}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{t("devOutbox.tableLabel")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("devOutbox.timeColumn")}</th>
                <th scope="col">{t("devOutbox.kindColumn")}</th>
                <th scope="col">{t("devOutbox.toColumn")}</th>
                <th scope="col">{t("devOutbox.textColumn")}</th>
                <th scope="col">{t("devOutbox.stateColumn")}</th>
              </tr>
            </thead>
            <tbody>
              {outbox.data.map((item) => (
                <tr key={item.id}>
                  <td>
                    <time dateTime={isoDateTime(item.createdAt)}>
                      {formatDateTime(item.createdAt)}
                    </time>
                  </td>
                  <td>{t(`devOutbox.kinds.${item.kind}`)}</td>
                  <td className="break">{item.to}</td>
                  <td>
                    <div className="outbox-text">
                      {item.subject && <strong>{item.subject}</strong>}
                      <span>{item.text}</span>
                    </div>
                  </td>
                  <td>
                    {isDeliveryState(item.state) ? t(`devOutbox.states.${item.state}`) : item.state}
                    {item.error && <span className="muted break"> {item.error}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
