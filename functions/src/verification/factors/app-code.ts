import type { Transaction } from "firebase-admin/firestore";
import { verificationPurposes } from "@dash2fa/shared";
import type { ParsedInput } from "@dash2fa/shared/contract";
import { refusal } from "../../errors.js";
import { totpSealingSecret } from "../../runtime.js";
import {
  matchingStep,
  openSecret,
  totpSecretRef,
  type TotpSecretDoc,
} from "../../security/totp.js";
import { wrong, type Factor } from "../pipeline.js";

export type AppCodeInput = ParsedInput<"verifyCode"> & { method: "totp" };

/**
 * An authenticator app code (RFC 6238). For `enroll` it is checked against the pending
 * secret from `startTotpEnrollment` and turns that secret on; otherwise against the
 * enabled one. Within ±1 time step, and never a step at or before the last one accepted,
 * so a code (even an older one still in the window) works once. A wrong code counts
 * towards the user's lockout; there is no challenge to spend.
 *
 * Turning it off deletes the secret (`forgetAppCode`).
 */
export const appCode: Factor<AppCodeInput> = {
  means: () => "totp",
  purposes: verificationPurposes,
  failures: "codes",
  proofRefs: (ctx) => [totpSecretRef(ctx.uid)],
  check({ tx, ctx, security, input, purpose, snapshots: [snapshot], now }) {
    const ref = totpSecretRef(ctx.uid);
    const doc = snapshot?.data() as TotpSecretDoc | undefined;
    const enabled = security.status.methods.totp?.enabled === true;
    const subject = { uid: ctx.uid, means: "totp" as const, destination: "" };
    const wrongCode = wrong({ reason: "wrong-code" });

    if (purpose === "enroll") {
      if (enabled) throw refusal({ reason: "method-already-enabled" });
      const pending = doc?.pending;
      if (!pending) throw refusal({ reason: "no-active-code" });
      if (now >= pending.expiresAt) throw refusal({ reason: "expired" });
      const secret = openSecret(totpSealingSecret.value(), ctx.uid, pending.sealed);
      const step = matchingStep(secret, input.code, now);
      if (step === undefined) return wrongCode;
      const active = { sealed: pending.sealed, enabledAt: now, lastUsedStep: step };
      return { ok: true, subject, spend: () => tx.set(ref, { active }), extra: undefined };
    }

    const active = doc?.active;
    if (!enabled || !active) throw refusal({ reason: "method-not-enabled" });
    const secret = openSecret(totpSealingSecret.value(), ctx.uid, active.sealed);
    const step = matchingStep(secret, input.code, now);
    if (step === undefined) return wrongCode;
    if (step <= active.lastUsedStep) throw refusal({ reason: "code-already-used" });
    return {
      ok: true,
      subject,
      spend: () => tx.update(ref, { "active.lastUsedStep": step }),
      extra: undefined,
    };
  },
  async afterContention(ctx, input) {
    const snapshot = await totpSecretRef(ctx.uid).get();
    const active = (snapshot.data() as TotpSecretDoc | undefined)?.active;
    if (!active) return;
    const secret = openSecret(totpSealingSecret.value(), ctx.uid, active.sealed);
    const step = matchingStep(secret, input.code, Date.now());
    if (step !== undefined && step <= active.lastUsedStep) {
      throw refusal({ reason: "code-already-used" });
    }
  },
};

/** Turning the app off: its secret is deleted, so no code it shows works again. */
export function forgetAppCode(tx: Transaction, uid: string): void {
  tx.delete(totpSecretRef(uid));
}
