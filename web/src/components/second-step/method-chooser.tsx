import { useEffect, useId, useRef, type ReactNode } from "react";
import type { TwoFactorMethod, TwoFactorStatusDoc } from "@dash2fa/shared";
import { useT } from "@/lib/i18n";
import { keepTogether } from "@/lib/text";

interface MethodChooserProps {
  /** The other enabled methods, strongest first. */
  methods: readonly TwoFactorMethod[];
  status: TwoFactorStatusDoc;
  onChoose: (method: TwoFactorMethod) => void;
  /** Back, the recovery code and Cancel. */
  actions: ReactNode;
}

/**
 * "Use another method": the other enabled methods, each with where its code would go. It
 * takes focus from the button that opened it.
 */
export function MethodChooser({ methods, status, onChoose, actions }: MethodChooserProps) {
  const t = useT();
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
          {methods.map((option, index) => (
            <li key={option}>
              <button
                ref={index === 0 ? firstChoiceRef : undefined}
                type="button"
                className="method-choice"
                onClick={() => onChoose(option)}
              >
                <span className="method-choice-name">
                  {t(`secondFactor.methodOptions.${option}`)}
                </span>
                <span className="choice-detail">
                  {t(`secondFactor.methodHints.${option}`, {
                    destination: keepTogether(status.methods[option]?.maskedDestination ?? ""),
                  })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </div>
      <div className="actions">{actions}</div>
    </div>
  );
}
