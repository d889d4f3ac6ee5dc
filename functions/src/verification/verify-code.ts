import type { DocumentReference, DocumentSnapshot, Transaction } from "firebase-admin/firestore";
import {
  verifyCodeInputSchema,
  type VerifyCodeInput,
  type VerifyCodeResult,
} from "@dash2fa/shared";
import type { z } from "zod";
import { define } from "../callable.js";
import { callContext, type CallContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { otpHmacSecret, totpSealingSecret } from "../runtime.js";
import { codeLockRefusal, guardRef, readGuard } from "../security/guard.js";
import { readUserSecurity, type UserSecurity } from "../security/state.js";
import { matchingStep, openSecret, totpSecretRef, type TotpSecretDoc } from "../security/totp.js";
import { attemptsLeft, challengeId, decideAttempt } from "./challenge.js";
import { codeMatches } from "./code.js";
import {
  completeVerification,
  recordFailure,
  upgradeSession,
  type VerifiedSubject,
} from "./outcome.js";
import { challengeRef, readChallenge } from "./store.js";

type Input = z.output<typeof verifyCodeInputSchema>;

/** A checked code: either who it proves, or the wrong guess to record. */
type Checked =
  | { ok: true; subject: VerifiedSubject; consume: () => void }
  | { ok: false; recordWrongGuess: () => void; attemptsLeft?: number };

interface CheckArgs {
  tx: Transaction;
  ctx: CallContext;
  security: UserSecurity;
  input: Input;
  ref: DocumentReference;
  snapshot: DocumentSnapshot | undefined;
  now: number;
}

/**
 * A sent code: the challenge must be live, and is spent by the right code. The spent
 * challenge is kept until it expires, so the same code again, from a request that lost
 * the race or a second tab, is told it was already used.
 */
function checkSentCode({ tx, ref, snapshot, input, now }: CheckArgs): Checked {
  const decision = decideAttempt(snapshot ? readChallenge(snapshot) : undefined, now);
  if (decision.outcome === "refused") throw refusal(decision.details);
  const { challenge } = decision;
  const matches = codeMatches(otpHmacSecret.value(), challenge, input.code, challenge.codeHash);
  if (decision.outcome === "spent") {
    throw refusal({ reason: matches ? "code-already-used" : "no-active-code" });
  }
  if (!matches) {
    const failedAttempts = challenge.failedAttempts + 1;
    return {
      ok: false,
      attemptsLeft: attemptsLeft(failedAttempts),
      recordWrongGuess: () => tx.update(ref, { failedAttempts }),
    };
  }
  return {
    ok: true,
    subject: { uid: challenge.uid, method: challenge.method, destination: challenge.destination },
    consume: () => tx.update(ref, { consumedAt: now }),
  };
}

/**
 * An authenticator app code: for `enroll` against the pending secret, otherwise the
 * enabled one; within ±1 time step, and never a step at or before the last one accepted,
 * so a code (even an older one still in the window) works once.
 */
function checkAppCode({ tx, ctx, security, ref, snapshot, input, now }: CheckArgs): Checked {
  const doc = snapshot?.data() as TotpSecretDoc | undefined;
  const enabled = security.status.methods.totp?.enabled === true;
  const subject: VerifiedSubject = { uid: ctx.uid, method: "totp", destination: "" };

  if (input.purpose === "enroll") {
    if (enabled) throw refusal({ reason: "method-already-enabled" });
    const pending = doc?.pending;
    if (!pending) throw refusal({ reason: "no-active-code" });
    if (now >= pending.expiresAt) throw refusal({ reason: "expired" });
    const step = matchingStep(
      openSecret(totpSealingSecret.value(), ctx.uid, pending.sealed),
      input.code,
      now,
    );
    if (step === undefined) return { ok: false, recordWrongGuess: () => undefined };
    return {
      ok: true,
      subject,
      consume: () =>
        tx.set(ref, { active: { sealed: pending.sealed, enabledAt: now, lastUsedStep: step } }),
    };
  }

  const active = doc?.active;
  if (!enabled || !active) throw refusal({ reason: "method-not-enabled" });
  const step = matchingStep(
    openSecret(totpSealingSecret.value(), ctx.uid, active.sealed),
    input.code,
    now,
  );
  if (step === undefined) return { ok: false, recordWrongGuess: () => undefined };
  if (step <= active.lastUsedStep) throw refusal({ reason: "code-already-used" });
  return {
    ok: true,
    subject,
    consume: () => tx.update(ref, { "active.lastUsedStep": step }),
  };
}

/**
 * After losing to contention: when the proof this code would have used is already spent
 * (another request with the same code won), say so, a definite answer, not "try again".
 */
async function answerAfterContention(ctx: CallContext, input: Input): Promise<void> {
  const snapshot = await proofRef(ctx, input).get();
  const now = Date.now();
  if (input.method === "totp") {
    const active = (snapshot.data() as TotpSecretDoc | undefined)?.active;
    if (!active) return;
    const secret = openSecret(totpSealingSecret.value(), ctx.uid, active.sealed);
    const step = matchingStep(secret, input.code, now);
    if (step !== undefined && step <= active.lastUsedStep) {
      throw refusal({ reason: "code-already-used" });
    }
    return;
  }
  const decision = decideAttempt(readChallenge(snapshot), now);
  const spent = decision.outcome === "spent" ? decision.challenge : undefined;
  if (spent && codeMatches(otpHmacSecret.value(), spent, input.code, spent.codeHash)) {
    throw refusal({ reason: "code-already-used" });
  }
}

function proofRef(ctx: CallContext, input: Pick<VerifyCodeInput, "purpose" | "method">) {
  return input.method === "totp"
    ? totpSecretRef(ctx.uid)
    : challengeRef(challengeId(ctx.uid, input.purpose, input.method));
}

/**
 * The single entry point that checks a typed code, for every purpose and code method.
 * A sent code is compared in constant time and consumed in the same transaction that
 * acts on it, so it verifies at most once however many requests race for it; an app
 * code's time step is recorded the same way. Every wrong code counts towards the user's
 * lockout. Success upgrades the caller's session with a custom token.
 */
export const verifyCode = define("verifyCode", async (input, request) => {
  const ctx = callContext(request);

  const outcome = await transaction(
    async (tx) => {
      const now = Date.now();
      const security = await readUserSecurity(tx, ctx.uid);
      const ref = proofRef(ctx, input);
      const [snapshot, guardSnap] = await tx.getAll(ref, guardRef(ctx.uid));
      const guard = readGuard(guardSnap?.data());
      const locked = codeLockRefusal(guard, now);
      if (locked) throw refusal(locked);

      const args = { tx, ctx, security, input, ref, snapshot, now };
      const checked = input.method === "totp" ? checkAppCode(args) : checkSentCode(args);
      if (!checked.ok) {
        checked.recordWrongGuess();
        recordFailure(tx, ctx, security, guard, input.method, now);
        return { ok: false as const, attemptsLeft: checked.attemptsLeft };
      }
      checked.consume();
      const completed = completeVerification({
        tx,
        ctx,
        security,
        guard,
        subject: checked.subject,
        purpose: input.purpose,
        now,
        rememberDevice: input.rememberDevice === true,
      });
      return { ok: true as const, now, completed };
    },
    { afterContention: () => answerAfterContention(ctx, input) },
  );

  if (!outcome.ok) {
    throw refusal({
      reason: "wrong-code",
      ...(outcome.attemptsLeft === undefined ? {} : { attemptsLeft: outcome.attemptsLeft }),
    });
  }
  const { endsOtherSessions: _, sessionAt: __, ...result } = outcome.completed;
  const customToken = await upgradeSession(ctx, outcome.completed, outcome.now);
  return { ...result, method: input.method, customToken } satisfies VerifyCodeResult;
});
