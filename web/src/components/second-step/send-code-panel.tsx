import { useEffect, useRef, type ReactNode } from "react";
import type { DeliveredMethod } from "@dash2fa/shared";
import { describeError } from "@/components/verify-dialog";
import { formatDuration, secondsUntil } from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import { keepTogether } from "@/lib/text";
import { useNow } from "@/lib/use-now";
import type { Shown } from "./challenge-state";

type SendStep = Extract<Shown, { kind: "ready" | "sending" | "send-failed" }>;

interface SendCodePanelProps {
  step: SendStep;
  /** Where the method's code goes, masked. */
  destination: string;
  autoFocus: boolean;
  /** "Send code", or "Try sending again" after a refusal. */
  onSend: (method: DeliveredMethod) => void;
  /** Another method, the recovery code and Cancel. */
  actions: ReactNode;
}

/**
 * An email or SMS method before its code is in: where it would go and "Send code" (a
 * code goes out only when asked for), then "Sending…", or why it could not be sent with
 * "Try sending again", which waits, counting down, until a send can work.
 */
export function SendCodePanel({
  step,
  destination,
  autoFocus,
  onSend,
  actions,
}: SendCodePanelProps) {
  const t = useT();
  const sendRef = useRef<HTMLButtonElement>(null);
  const shownDestination = keepTogether(destination);

  useEffect(() => {
    if (autoFocus) sendRef.current?.focus();
  }, [autoFocus, step.kind]);

  return (
    <div className="stack">
      {step.kind === "ready" && (
        <p>{t(`secondFactor.readyToSend.${step.method}`, { destination: shownDestination })}</p>
      )}
      {step.kind === "sending" && (
        <p aria-live="polite" className="sending">
          {t("secondFactor.sending", { destination: shownDestination })}
        </p>
      )}
      {step.kind === "send-failed" && (
        <p key={step.version} role="alert" className="alert alert-error">
          {describeError(step.error)}
        </p>
      )}
      <div className="actions">
        {step.kind === "ready" && (
          <button
            ref={sendRef}
            type="button"
            className="button button-primary"
            onClick={() => onSend(step.method)}
          >
            {t("secondFactor.sendCodeButton")}
          </button>
        )}
        {step.kind === "send-failed" && step.retryable && (
          <SendAgainButton
            buttonRef={sendRef}
            retryAt={step.retryAt}
            onClick={() => onSend(step.method)}
          />
        )}
        {actions}
      </div>
    </div>
  );
}

/** "Try sending again", disabled with a countdown until the refusal's time has come. */
function SendAgainButton({
  retryAt,
  onClick,
  buttonRef,
}: {
  retryAt: number | undefined;
  onClick: () => void;
  buttonRef: React.Ref<HTMLButtonElement>;
}) {
  const t = useT();
  const [now] = useNow();
  const wait = retryAt === undefined ? 0 : secondsUntil(retryAt, now);
  return (
    <button ref={buttonRef} type="button" className="button" disabled={wait > 0} onClick={onClick}>
      {wait > 0
        ? t("secondFactor.sendAgainIn", { wait: formatDuration(wait) })
        : t("secondFactor.sendAgainButton")}
    </button>
  );
}
