import { useId } from "react";
import { useT } from "@/lib/i18n";
import { useAnnouncement } from "@/lib/use-announcement";
import { useResetLimits } from "../api/reset-limits";

/**
 * "Reset sending limits": against the emulators every request comes from 127.0.0.1 and
 * the counters outlive restarts, so trying the flows by hand soon meets a limit. The reset
 * also ends every lock after wrong codes, which hand testing meets just as soon.
 */
export function ResetLimitsSection() {
  const t = useT();
  const introId = useId();
  const { announcement: notice, announce, clear } = useAnnouncement<"reset">();
  const reset = useResetLimits({ onMutate: clear, onSuccess: () => announce("reset") });

  return (
    <div className="stack">
      <p id={introId}>{t("devOutbox.limitsIntro")}</p>
      <div className="actions">
        <button
          type="button"
          className="button"
          aria-describedby={introId}
          aria-busy={reset.isPending}
          onClick={() => {
            if (!reset.isPending) reset.mutate();
          }}
        >
          {t("devOutbox.resetLimitsButton")}
        </button>
      </div>
      <p role="status" className="notice live-region">
        {notice && <span key={notice.key}>{t("devOutbox.limitsReset")}</span>}
      </p>
      {reset.isError && (
        <p key={reset.submittedAt} role="alert" className="alert alert-error">
          {t("devOutbox.resetFailed")}
        </p>
      )}
    </div>
  );
}
