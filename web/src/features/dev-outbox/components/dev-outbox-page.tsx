import { useId } from "react";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { messages } from "@/lib/messages";
import { useDevOutbox } from "../api/get-dev-outbox";

const text = messages.devOutbox;

/**
 * Development only (the route exists only with the emulators): every message the
 * emulator delivered, so a developer can read codes without the mail inbox or logs.
 */
export function DevOutboxPage() {
  const outbox = useDevOutbox();
  const headingId = useId();

  return (
    <div className="page page-wide stack">
      <title>{messages.app.pageTitle(text.title)}</title>
      <h1 id={headingId}>{text.title}</h1>
      <p>{text.intro}</p>
      {outbox.isPending ? (
        <p className="muted">{text.loading}</p>
      ) : outbox.isError && !outbox.data ? (
        <div role="alert" className="alert alert-error">
          <p>{text.loadFailed}</p>
          <button type="button" className="button" onClick={() => void outbox.refetch()}>
            {text.retryButton}
          </button>
        </div>
      ) : outbox.data.length === 0 ? (
        <p className="muted">{text.empty}</p>
      ) : (
        <div className="table-scroll" role="region" aria-labelledby={headingId} tabIndex={0}>
          <table className="table">
            <caption className="visually-hidden">{text.tableLabel}</caption>
            <thead>
              <tr>
                <th scope="col">{text.timeColumn}</th>
                <th scope="col">{text.kindColumn}</th>
                <th scope="col">{text.toColumn}</th>
                <th scope="col">{text.textColumn}</th>
                <th scope="col">{text.stateColumn}</th>
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
                  <td>{text.kinds[item.kind]}</td>
                  <td className="break">{item.to}</td>
                  <td>
                    <div className="outbox-text">
                      {item.subject && <strong>{item.subject}</strong>}
                      <span>{item.text}</span>
                    </div>
                  </td>
                  <td>
                    {text.states[item.state] ?? item.state}
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
