import { FieldValue, type DocumentSnapshot, type Transaction } from "firebase-admin/firestore";
import { verificationPurposes, type DeliveredMethod } from "@dash2fa/shared";
import type { ParsedInput } from "@dash2fa/shared/contract";
import type { CallContext } from "../../context.js";
import { refusal } from "../../errors.js";
import { otpHmacSecret } from "../../runtime.js";
import { attemptsLeft, challengeId, decideAttempt } from "../challenge.js";
import { codeMatches } from "../code.js";
import type { Factor } from "../pipeline.js";
import { refs } from "../../security/state.js";
import { challengeRef, readChallenge } from "../store.js";

export type SentCodeInput = ParsedInput<"verifyCode"> & { method: DeliveredMethod };

const proofRef = (ctx: CallContext, input: SentCodeInput) =>
  challengeRef(challengeId(ctx.uid, input.purpose, input.method));

/**
 * A code sent by email or SMS (`sendVerificationCode`), for any purpose. The challenge
 * must be live, and is spent by the right code, compared in constant time. The spent
 * challenge is kept until it expires, so the same code again, from a request that lost
 * the race or a second tab, is told it was already used. A wrong code spends one of the
 * challenge's attempts, besides counting towards the user's lockout.
 *
 * Enrolling it keeps the destination (`completeVerification`); turning it off forgets
 * the destination (`forgetSentCode`) and ends its pending codes (security/turn-off.ts).
 */
export const sentCode: Factor<SentCodeInput> = {
  means: (input) => input.method,
  purposes: verificationPurposes,
  failures: "codes",
  proofRefs: (ctx, input) => [proofRef(ctx, input)],
  check({ tx, ctx, input, snapshots: [snapshot], now }) {
    const ref = proofRef(ctx, input);
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
        refusal: { reason: "wrong-code", attemptsLeft: attemptsLeft(failedAttempts) },
        spend: () => tx.update(ref, { failedAttempts }),
      };
    }
    return {
      ok: true,
      subject: { uid: challenge.uid, means: challenge.method, destination: challenge.destination },
      spend: () => tx.update(ref, { consumedAt: now }),
      extra: undefined,
    };
  },
  async afterContention(ctx, input) {
    const snapshot: DocumentSnapshot = await proofRef(ctx, input).get();
    const decision = decideAttempt(readChallenge(snapshot), Date.now());
    const spent = decision.outcome === "spent" ? decision.challenge : undefined;
    if (spent && codeMatches(otpHmacSecret.value(), spent, input.code, spent.codeHash)) {
      throw refusal({ reason: "code-already-used" });
    }
  },
};

/** Turning email or SMS off: the address or number is forgotten. */
export function forgetSentCode(tx: Transaction, uid: string, method: DeliveredMethod): void {
  tx.update(refs.destinations(uid), { [method]: FieldValue.delete() });
}
