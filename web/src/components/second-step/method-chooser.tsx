import { useEffect, useId, useRef, type ReactNode } from "react";
import type { TwoFactorMethod, TwoFactorStatusDoc } from "@dash2fa/shared";
import { formatRetryTime } from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import { keepTogether } from "@/lib/text";
import { useNow } from "@/lib/use-now";
import { isDelivered } from "./challenge-state";

interface MethodChooserProps {
  /** The other enabled methods, strongest first. */
  methods: readonly TwoFactorMethod[];
  status: TwoFactorStatusDoc;
  /**
   * Until when no code can be sent (a send limit of the account or the network): email
   * and SMS are offered disabled, with that time, instead of failing when chosen.
   */
  sendsBlockedUntil?: number | undefined;
  onChoose: (method: TwoFactorMethod) => void;
  /** Back, the recovery code and Cancel. */
  actions: ReactNode;
}

/**
 * "Use another method": the other enabled methods, each with where its code would go. It
 * takes focus from the button that opened it.
 */
export function MethodChooser({
  methods,
  status,
  sendsBlockedUntil,
  onChoose,
  actions,
}: MethodChooserProps) {
  const t = useT();
  const [now] = useNow();
  const blocked = sendsBlockedUntil !== undefined && now < sendsBlockedUntil;
  // Focus goes to the first choice that can be taken now.
  const firstOffered = methods.find((option) => !(blocked && isDelivered(option)));
  const titleId = useId();
  const firstChoiceRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    firstChoiceRef.current?.focus();
  }, []);

  return (
    <div className="stack">
      <div role="group" aria-labelledby={titleId} className="choice-group">
        <p id={titleId} className="choice-group-title">
          {t("secondFactor.chooserTitle")}
        </p>
        <ul className="method-choices">
          {methods.map((option) => {
            const waits = blocked && isDelivered(option);
            return (
              <li key={option}>
                <button
                  ref={option === firstOffered ? firstChoiceRef : undefined}
                  type="button"
                  className="method-choice"
                  disabled={waits}
                  onClick={() => onChoose(option)}
                >
                  <span className="method-choice-name">
                    {t(`secondFactor.methodOptions.${option}`)}
                  </span>
                  <span className="choice-detail">
                    {waits && sendsBlockedUntil !== undefined
                      ? t("secondFactor.sendsBlockedUntil", {
                          time: formatRetryTime(sendsBlockedUntil, now),
                        })
                      : t(`secondFactor.methodHints.${option}`, {
                          destination: keepTogether(
                            status.methods[option]?.maskedDestination ?? "",
                          ),
                        })}
                  </span>
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <div className="actions">{actions}</div>
    </div>
  );
}
