import { useEffect, useId, useRef, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { TwoFactorStatusDoc, VerifyCodeResult } from "@dash2fa/shared";
import { messages } from "@/lib/messages";
import { useSignedInUser } from "@/lib/session";
import { twoFactorStatusQueryOptions, useTwoFactorStatus } from "../api/get-two-factor-status";
import { EmailMethod } from "./email-method";
import { PhoneMethod } from "./phone-method";

const text = messages.security;

export function TwoFactorSection() {
  const user = useSignedInUser();
  const queryClient = useQueryClient();
  const status = useTwoFactorStatus(user.uid);
  const headingId = useId();
  const successRef = useRef<HTMLDivElement>(null);
  // A count rather than a flag, so a second activation moves focus again.
  const [activations, setActivations] = useState(0);

  useEffect(() => {
    if (activations > 0) successRef.current?.focus();
  }, [activations]);

  const { queryKey } = twoFactorStatusQueryOptions(user.uid);

  function handleActivated(result: VerifyCodeResult) {
    // Show the verified method at once, then confirm with what the server stored.
    queryClient.setQueryData(queryKey, (previous): TwoFactorStatusDoc => ({
      methods: {
        ...previous?.methods,
        [result.method]: {
          enabled: true,
          maskedDestination: result.maskedDestination,
          enabledAt: Date.now(),
        },
      },
    }));
    void queryClient.invalidateQueries({ queryKey });
    setActivations((count) => count + 1);
  }

  function handleDialogCancelled() {
    // A verification may have completed just before the cancel; refresh to be sure.
    void queryClient.invalidateQueries({ queryKey });
  }

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{text.twoFactorTitle}</h2>
      <p>{text.twoFactorIntro}</p>
      <p className="note">{text.twoFactorRecommendation}</p>

      {/* Present from the start so screen readers announce the message when it appears. */}
      <div
        ref={successRef}
        role="status"
        tabIndex={-1}
        className={activations > 0 ? "alert alert-success" : "live-region"}
      >
        {activations > 0 ? text.activated : null}
      </div>

      {status.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{text.statusLoadFailed}</p>
          <button type="button" className="button" onClick={() => void status.refetch()}>
            {text.retryButton}
          </button>
        </div>
      ) : (
        <ul className="methods" aria-label={text.methodsLabel} aria-busy={status.isPending}>
          <EmailMethod
            status={status.data?.methods.email}
            loading={status.isPending}
            accountEmail={user.email ?? ""}
            onActivated={handleActivated}
            onCancelled={handleDialogCancelled}
          />
          <PhoneMethod status={status.data?.methods.phone} loading={status.isPending} />
        </ul>
      )}
    </section>
  );
}
