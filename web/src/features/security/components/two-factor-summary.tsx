import { useId, useState, type FormEvent, type Ref } from "react";
import {
  methodSuggestion,
  twoFactorMethods,
  type TwoFactorMethod,
  type TwoFactorStatusDoc,
} from "@dash2fa/shared";
import { describeError } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { enabledMethods, useTwoFactorStatus } from "@/lib/two-factor-status";
import { useSetPreferredMethod } from "../api/set-preferred-method";

interface TwoFactorSummaryProps {
  headingRef?: Ref<HTMLHeadingElement>;
}

/**
 * The top of the Security page: whether 2FA is on, how many methods are, and which one
 * sign-in asks for first, with the choice of it. The same three rows in every state, and
 * placeholders of the same size while the status loads, so nothing below moves.
 */
export function TwoFactorSummary({ headingRef }: TwoFactorSummaryProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const status = useTwoFactorStatus(uid);
  const headingId = useId();

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={status.isPending}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t("security.summary.title")}
      </h2>
      {status.data ? (
        <SummaryRows key={summaryKey(status.data)} status={status.data} />
      ) : status.isError ? (
        // The section below says so too, with a way to try again.
        <p className="muted">{t("security.statusLoadFailed")}</p>
      ) : (
        <SummarySkeleton />
      )}
    </section>
  );
}

/**
 * The choice starts again from the status whenever the enabled methods change (a method
 * turned off takes a choice of it along); saving one keeps its confirmation on screen.
 */
function summaryKey(status: TwoFactorStatusDoc): string {
  return enabledMethods(status).join();
}

function SummaryRows({ status }: { status: TwoFactorStatusDoc }) {
  const t = useT();
  const enabled = enabledMethods(status);
  const suggestion = methodSuggestion(status);
  const hintId = useId();

  const hint =
    enabled.length === 0
      ? t("security.summary.hintOff")
      : enabled.length === 1
        ? t("security.summary.hintOne")
        : suggestion?.why === "preferred"
          ? t("security.summary.hintPreferred")
          : suggestion?.why === "last-used"
            ? t("security.summary.hintLastUsed")
            : t("security.summary.hintStrongest");

  return (
    <>
      <dl className="summary">
        <div className="summary-row">
          <dt>{t("security.summary.statusLabel")}</dt>
          <dd>
            {status.required ? (
              <span className="badge badge-on">{t("security.summary.on")}</span>
            ) : (
              <span className="badge badge-off">{t("security.summary.off")}</span>
            )}
          </dd>
        </div>
        <div className="summary-row">
          <dt>{t("security.summary.methodsLabel")}</dt>
          <dd>
            {enabled.length === 0
              ? t("security.summary.noMethods")
              : t("security.summary.methodCount", {
                  enabled: String(enabled.length),
                  total: String(twoFactorMethods.length),
                })}
          </dd>
        </div>
        {enabled.length > 1 && suggestion ? (
          <PreferredMethodChoice
            enabled={enabled}
            current={suggestion.method}
            describedBy={hintId}
          />
        ) : (
          <div className="summary-row">
            <dt>{t("security.summary.preferredLabel")}</dt>
            <dd>
              {suggestion ? t(`methods.${suggestion.method}`) : t("security.summary.noPreferred")}
            </dd>
          </div>
        )}
      </dl>
      <p id={hintId} className="field-hint summary-hint">
        {hint}
      </p>
    </>
  );
}

interface PreferredMethodChoiceProps {
  enabled: TwoFactorMethod[];
  /** What sign-in asks for first now: the choice, the last used or the strongest. */
  current: TwoFactorMethod;
  describedBy: string;
}

/** The preferred method as a list of the enabled ones, saved by its own button. */
function PreferredMethodChoice({ enabled, current, describedBy }: PreferredMethodChoiceProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const selectId = useId();
  const errorId = useId();
  const [choice, setChoice] = useState<TwoFactorMethod>(current);
  const save = useSetPreferredMethod(uid);
  const error = save.isError ? describeError(save.error) : null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!save.isPending) save.mutate({ method: choice });
  }

  return (
    <div className="summary-row">
      <dt>
        <label htmlFor={selectId}>{t("security.summary.preferredLabel")}</label>
      </dt>
      <dd>
        <form className="summary-choice" onSubmit={submit}>
          <select
            id={selectId}
            value={choice}
            onChange={(event) => {
              setChoice(event.target.value as TwoFactorMethod);
              save.reset();
            }}
            aria-describedby={[describedBy, error ? errorId : ""].filter(Boolean).join(" ")}
            aria-invalid={error ? true : undefined}
          >
            {enabled.map((method) => (
              <option key={method} value={method}>
                {t(`methods.${method}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="button" aria-busy={save.isPending}>
            {t("security.summary.saveButton")}
          </button>
          <span aria-live="polite" className="muted">
            {save.isSuccess &&
              t("security.summary.saved", { method: t(`methods.${save.data.preferredMethod}`) })}
          </span>
        </form>
        {error && (
          <p id={errorId} role="alert" className="field-error">
            {error}
          </p>
        )}
      </dd>
    </div>
  );
}

/** Each row's label and the placeholder shaped like its value. */
const SKELETON_ROWS = [
  ["security.summary.statusLabel", "badge badge-loading"],
  ["security.summary.methodsLabel", "skeleton-line skeleton-line-short"],
  ["security.summary.preferredLabel", "skeleton-button"],
] as const;

/** The rows' labels as they will be, their values as placeholders of the same size. */
function SummarySkeleton() {
  const t = useT();
  return (
    <>
      <p className="visually-hidden">{t("security.summary.loading")}</p>
      <dl className="summary" aria-hidden="true">
        {SKELETON_ROWS.map(([label, placeholder]) => (
          <div className="summary-row" key={label}>
            <dt>{t(label)}</dt>
            <dd>
              <span className={placeholder} />
            </dd>
          </div>
        ))}
      </dl>
      <p className="field-hint summary-hint" aria-hidden="true">
        <span className="skeleton-line" />
      </p>
    </>
  );
}
