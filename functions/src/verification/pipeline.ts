import type { DocumentReference, DocumentSnapshot, Transaction } from "firebase-admin/firestore";
import type { SecondStepMeans, RefusalDetails, VerificationPurpose } from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import {
  afterCodeFailure,
  afterCodeSuccess,
  afterRecoverySuccess,
  codeLockRefusal,
  guardRef,
  readGuard,
  recoveryLockRefusal,
  type GuardState,
} from "../security/guard.js";
import { authorizeChange } from "../security/policy.js";
import {
  addContact,
  readUserSecurityWith,
  requireSecondStep,
  type UserSecurity,
} from "../security/state.js";
import {
  completeVerification,
  recordFailure,
  upgradeSession,
  type Completed,
  type VerifiedSubject,
} from "./outcome.js";

/**
 * The one verification pipeline. Every proof a person can give (a sent code, an
 * authenticator app code, a passkey, a new passkey, a recovery code, a remembered
 * device) is a `Factor`: a small module in `factors/` that says which documents hold its
 * proof, how to check it, and what spending it means. `runVerification` owns everything
 * else, the same for each, in this order:
 *
 * 1. read the user's state, the guard and the factor's documents: one `getAll`, in one
 *    transaction;
 * 2. the lock this factor is subject to;
 * 3. the factor's check;
 * 4. for a right proof, the policy: what the session must already have done for this
 *    purpose (`authorizeVerification`, below), so no factor can skip the step-up rules;
 * 5. a wrong proof: the factor spends what it must and the failure is counted or logged
 *    as the factor's `failures` says; a right one: the proof is spent, the guard reset,
 *    and the purpose acted on (`completeVerification`);
 * 6. after the transaction: other sessions ended on a 2FA change, and the caller's
 *    session upgraded with a custom token (`upgradeSession`).
 */

/** What a factor's check sees: all read, nothing written yet. */
export interface CheckArgs<Input> {
  tx: Transaction;
  ctx: CallContext;
  security: UserSecurity;
  guard: GuardState;
  input: Input;
  purpose: VerificationPurpose;
  /** The factor's documents, in the order of its `proofRefs`. */
  snapshots: (DocumentSnapshot | undefined)[];
  now: number;
}

/**
 * A checked proof: who it proves and how to spend it, or the refusal for a wrong one and
 * what a wrong one spends (an attempt on the challenge, a one-time challenge).
 */
export type Checked<Extra = undefined> =
  | { ok: true; subject: VerifiedSubject; spend: () => void; extra: Extra }
  | { ok: false; spend: () => void; refusal: RefusalDetails };

/** A wrong proof that spends nothing but the attempt the pipeline counts. */
export const wrong = (refusal: RefusalDetails): Checked<never> => ({
  ok: false,
  spend: () => undefined,
  refusal,
});

export interface Factor<Input, Extra = undefined> {
  /** The means the session will record, for the failure log and the claims. */
  means: (input: Input) => SecondStepMeans;
  /** The purposes this factor can serve; the input schemas already hold callers to them. */
  purposes: readonly VerificationPurpose[];
  /**
   * What a wrong proof costs and which lock stops the factor: `codes` (the lockout of
   * typed codes), `recovery-codes` (their own counter), `logged` (unguessable, e.g. a
   * passkey: the lockout would let anyone with the password lock the owner out, so a
   * failure is only logged) or `limited` (a device token: its own rate limit, no log).
   */
  failures: "codes" | "recovery-codes" | "logged" | "limited";
  /**
   * Spending a right proof sends a notice (a recovery code): the user's destinations and
   * language are read with the rest. Otherwise only an enrolment reads them up front.
   */
  notifies?: true;
  /** The documents that hold the proof, read in the transaction after the user's state. */
  proofRefs: (ctx: CallContext, input: Input, purpose: VerificationPurpose) => DocumentReference[];
  /** Checks the proof; throws a refusal for a request that spends nothing. */
  check: (args: CheckArgs<Input>) => Checked<Extra> | Promise<Checked<Extra>>;
  /**
   * After the transaction lost to contention: a definite answer when the proof was spent
   * by the request that won (the same code from another tab), rather than "try again".
   */
  afterContention?: (ctx: CallContext, input: Input) => Promise<void>;
}

export interface VerificationRequest<Input> {
  input: Input;
  purpose: VerificationPurpose;
  /** Sign-in only: also remember this browser for 30 days. */
  rememberDevice?: boolean;
}

export type Verified<Extra> = Omit<Completed, "endsOtherSessions" | "sessionAt" | "sessionId"> & {
  customToken: string;
  /** What the factor adds to the answer (a passkey's name, the recovery codes left). */
  extra: Extra;
};

/**
 * The step-up policy for verifications, in one place (the rest of it, for changes that
 * are not verifications, is `authorizeChange` in security/policy.ts):
 *
 * - `enroll`: adding a factor once any is on needs a fresh verification by one already on
 *   (`add-factor`); checked here when the proof is given, not only when the enrolment
 *   started, since the step-up may have run out in between.
 * - `step-up`: only a session that passed the second step can refresh it.
 * - `sign-in`: the password session is all it needs; the factor must be on (checked in
 *   `completeVerification`).
 */
export function authorizeVerification(
  purpose: VerificationPurpose,
  security: UserSecurity,
  ctx: CallContext,
): void {
  if (purpose === "enroll") authorizeChange("add-factor", security, ctx);
  if (purpose === "step-up") requireSecondStep(security, ctx);
}

type Failures = Factor<unknown>["failures"];

/** A wrong typed code that starts a lock sends a notice (`recordFailure`). */
function failureNotifies(failures: Failures, guard: GuardState, now: number): boolean {
  return failures === "codes" && afterCodeFailure(guard, now).lockStarted !== undefined;
}

function lockRefusal(
  failures: Failures,
  guard: GuardState,
  now: number,
): RefusalDetails | undefined {
  if (failures === "codes") return codeLockRefusal(guard, now);
  if (failures === "recovery-codes") return recoveryLockRefusal(guard, now);
  return undefined;
}

/** A right proof resets its counter; a recovery code, the way out of the lock, resets all. */
function guardAfterSuccess(failures: Failures, guard: GuardState) {
  if (failures === "recovery-codes") return afterRecoverySuccess();
  if (failures === "limited") return undefined;
  return afterCodeSuccess(guard);
}

export async function runVerification<Input, Extra>(
  ctx: CallContext,
  factor: Factor<Input, Extra>,
  request: VerificationRequest<Input>,
): Promise<Verified<Extra>> {
  const { input, purpose } = request;
  if (!factor.purposes.includes(purpose)) throw refusal({ reason: "invalid-input" });
  const means = factor.means(input);

  const outcome = await transaction(
    async (tx) => {
      const now = Date.now();
      const refs = factor.proofRefs(ctx, input, purpose);
      // Destinations and language serve notices and enrolments only; a typed code's lock
      // notice reads them when a failure starts the lock (`needsContact`, below).
      const contact = purpose === "enroll" || factor.notifies === true;
      const read = await readUserSecurityWith(tx, ctx.uid, [guardRef(ctx.uid), ...refs], {
        contact,
      });
      let { security } = read;
      const [guardSnap, ...snapshots] = read.snapshots;
      const guard = readGuard(guardSnap?.data());
      const locked = lockRefusal(factor.failures, guard, now);
      if (locked) throw refusal(locked);

      const checked = await factor.check({
        tx,
        ctx,
        security,
        guard,
        input,
        purpose,
        snapshots,
        now,
      });
      // Asked once the proof is known good, so a code that lost the race to another tab
      // still hears that it was used, whatever the winner changed.
      if (checked.ok) authorizeVerification(purpose, security, ctx);
      if (!contact && !checked.ok && failureNotifies(factor.failures, guard, now)) {
        security = await addContact(tx, ctx.uid, security);
      }
      checked.spend();
      if (!checked.ok) {
        const warning = recordFailure(tx, ctx, security, guard, factor.failures, means, now);
        return { ok: false as const, refusal: { ...checked.refusal, ...warning } };
      }
      const nextGuard = guardAfterSuccess(factor.failures, guard);
      if (nextGuard) tx.set(guardRef(ctx.uid), nextGuard);
      const completed = completeVerification({
        tx,
        ctx,
        security,
        subject: checked.subject,
        purpose,
        now,
        rememberDevice: request.rememberDevice === true,
      });
      return { ok: true as const, now, completed, extra: checked.extra };
    },
    { afterContention: async () => factor.afterContention?.(ctx, input) },
  );

  if (!outcome.ok) throw refusal(outcome.refusal);
  const { endsOtherSessions: _, sessionAt: __, sessionId: ___, ...result } = outcome.completed;
  const customToken = await upgradeSession(ctx, outcome.completed, outcome.now);
  return { ...result, customToken, extra: outcome.extra };
}
