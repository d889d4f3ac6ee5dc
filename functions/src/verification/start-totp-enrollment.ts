import { totpPolicy, type StartTotpEnrollmentResult } from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { totpSealingSecret } from "../runtime.js";
import { authorizeChange } from "../security/policy.js";
import { readUserSecurity } from "../security/state.js";
import { describeSecret, newSecretBytes, sealSecret, totpSecretRef } from "../security/totp.js";

/**
 * Starts adding an authenticator app: a fresh secret, sealed and kept as pending, shown
 * once to the caller (QR code and text). Nothing is enabled until `verifyCode` receives
 * a first valid code for it; starting again replaces the pending secret. Once 2FA is on,
 * a new secret is handed out only after a recent verification.
 */
export const startTotpEnrollment = define("startTotpEnrollment", async (_input, request) => {
  const ctx = callContext(request);
  const secret = newSecretBytes();
  const sealed = sealSecret(totpSealingSecret.value(), ctx.uid, secret);

  const expiresAt = await transaction(async (tx) => {
    const now = Date.now();
    const security = await readUserSecurity(tx, ctx.uid);
    if (security.status.methods.totp?.enabled) throw refusal({ reason: "method-already-enabled" });
    authorizeChange("add-factor", security, ctx);
    const expiresAt = now + totpPolicy.enrollmentLifetimeMs;
    tx.set(
      totpSecretRef(ctx.uid),
      { pending: { sealed, createdAt: now, expiresAt } },
      { merge: true },
    );
    return expiresAt;
  });

  return {
    ...describeSecret(secret, ctx.email ?? ctx.uid),
    expiresAt,
  } satisfies StartTotpEnrollmentResult;
});
