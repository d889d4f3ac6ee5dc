import { useCallback, useState, type ReactNode } from "react";
import { getSession, hasRecentVerification } from "@/lib/session";
import { StepUpDialog } from "./step-up-dialog";
import { toRefusal } from "@/lib/firebase";

/** The user closed "Confirm it's you": the action did not happen, and that is no error. */
export class StepUpCancelledError extends Error {
  constructor() {
    super("Step-up verification was cancelled.");
    this.name = "StepUpCancelledError";
  }
}

export function isStepUpCancelled(error: unknown): boolean {
  return error instanceof StepUpCancelledError;
}

export interface WithStepUpOptions {
  /**
   * Ask before calling when the session's last verification is clearly too old (default
   * true). Off for calls that need step-up only sometimes (enrolling a new method): those
   * ask only if the server refuses with `step-up-required`.
   */
  askFirst?: boolean;
}

export interface StepUp {
  /**
   * Runs a sensitive call; when it needs a recent verification, shows "Confirm it's you"
   * first and runs it again after a success. Rejects with StepUpCancelledError on cancel.
   */
  withStepUp: <T>(action: () => Promise<T>, options?: WithStepUpOptions) => Promise<T>;
  /** Render this once; it is the dialog while a step-up is in progress. */
  stepUpDialog: ReactNode;
}

/** The server's `requireRecentVerification`, as one reusable client flow. */
export function useStepUp(): StepUp {
  const [pending, setPending] = useState<((verified: boolean) => void) | null>(null);

  const confirmIdentity = useCallback(
    () => new Promise<boolean>((resolve) => setPending(() => resolve)),
    [],
  );

  const withStepUp = useCallback(
    async <T,>(action: () => Promise<T>, { askFirst = true }: WithStepUpOptions = {}) => {
      const session = getSession();
      if (askFirst && session.status === "signed-in" && !hasRecentVerification(session.claims)) {
        if (!(await confirmIdentity())) throw new StepUpCancelledError();
        return action();
      }
      try {
        return await action();
      } catch (error) {
        if (toRefusal(error)?.reason !== "step-up-required") throw error;
        if (!(await confirmIdentity())) throw new StepUpCancelledError();
        return action();
      }
    },
    [confirmIdentity],
  );

  function settle(verified: boolean) {
    pending?.(verified);
    setPending(null);
  }

  const stepUpDialog = pending ? (
    <StepUpDialog onVerified={() => settle(true)} onCancel={() => settle(false)} />
  ) : null;

  return { withStepUp, stepUpDialog };
}
