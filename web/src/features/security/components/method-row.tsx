import { useId, type ReactNode } from "react";
import type { TwoFactorMethodStatus } from "@dash2fa/shared";
import { useT } from "@/lib/i18n";
import { keepTogether } from "@/lib/text";

interface MethodRowProps {
  name: string;
  status: TwoFactorMethodStatus | undefined;
  loading: boolean;
  /**
   * What is shown beside "Enabled" instead of the masked destination (the number of keys
   * for passkeys); the authenticator app has neither.
   */
  detail?: string;
  /** The controls beside the status (Enable, or Change and Disable). */
  action?: ReactNode;
  /** Anything that needs the full width below, such as the destination form. */
  children?: ReactNode;
}

/**
 * One method as a list item named after it, so "Enabled" can be found within "Email". Every
 * row has the same parts in the same places: the name over the status, and the controls
 * beside them when wide, below them when narrow; while the status loads a grey button
 * keeps the controls' place.
 */
export function MethodRow({ name, status, loading, detail, action, children }: MethodRowProps) {
  const t = useT();
  const nameId = useId();
  const enabled = status?.enabled === true;
  const shownDetail = detail ?? status?.maskedDestination ?? "";

  return (
    <li className="method" aria-labelledby={nameId}>
      <div className="method-summary">
        <div className="method-text">
          <h3 id={nameId} className="method-name">
            {name}
          </h3>
          <p className="method-status">
            {loading ? (
              <span className="badge badge-loading">
                <span className="visually-hidden">{t("security.statusLoading")}</span>
              </span>
            ) : enabled ? (
              <span className="badge badge-on">{t("security.enabled")}</span>
            ) : (
              <span className="badge badge-off">{t("security.disabled")}</span>
            )}
            {enabled && shownDetail !== "" && (
              <span className="method-destination">{keepTogether(shownDetail)}</span>
            )}
          </p>
        </div>
        {loading ? (
          <div className="method-action" aria-hidden="true">
            <span className="skeleton-button skeleton-button-small" />
          </div>
        ) : (
          action && <div className="method-action actions">{action}</div>
        )}
      </div>
      {children}
    </li>
  );
}

/**
 * A row's button text with the method's name for assistive technology: a screen reader's
 * list of buttons reads "Enable Email, Enable Phone", not "Enable, Enable".
 */
export function ActionLabel({ label, method }: { label: string; method: string }) {
  return (
    <>
      {label}
      <span className="visually-hidden"> {method}</span>
    </>
  );
}
