import {
  passkeyPolicy,
  type FinishPasskeyRegistrationResult,
  type PasskeyChallengeResult,
  type WebAuthnOptionsJSON,
} from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { authorizeChange } from "../security/policy.js";
import { readUserSecurity, refs } from "../security/state.js";
import { newPasskey } from "../verification/factors/passkey.js";
import { runVerification } from "../verification/pipeline.js";
import { relyingParty } from "./relying-party.js";
import { savePasskeyChallenge, type PasskeyRecord } from "./store.js";
import { webauthn } from "../security/webauthn.js";

/**
 * Starts registering a passkey or security key as a second factor. Keys the user already
 * has are excluded, so one authenticator is not registered twice. Adding a key to an
 * account with 2FA on needs a recent verification, like every other new factor.
 */
export const startPasskeyRegistration = define(
  "startPasskeyRegistration",
  async (_input, request) => {
    const ctx = callContext(request);
    const { rpID, rpName } = relyingParty();

    return transaction(async (tx) => {
      const now = Date.now();
      const security = await readUserSecurity(tx, ctx.uid);
      authorizeChange("add-factor", security, ctx);
      const keys = (await tx.get(refs.passkeys(ctx.uid))).docs.map(
        (snap) => snap.data() as PasskeyRecord,
      );
      if (keys.length >= passkeyPolicy.maxKeys) throw refusal({ reason: "passkey-limit" });
      const { generateRegistrationOptions } = await webauthn();
      const options = await generateRegistrationOptions({
        rpID,
        rpName,
        userName: ctx.email ?? ctx.uid,
        userID: new TextEncoder().encode(ctx.uid),
        attestationType: "none",
        timeout: passkeyPolicy.timeoutMs,
        excludeCredentials: keys.map((key) => ({
          id: key.credentialId,
          transports: key.transports,
        })),
        authenticatorSelection: { residentKey: "discouraged", userVerification: "preferred" },
      });
      const expiresAt = savePasskeyChallenge(tx, ctx.uid, "enroll", options.challenge, now);
      return { options: options as unknown as WebAuthnOptionsJSON, expiresAt };
    }) satisfies Promise<PasskeyChallengeResult>;
  },
);

/**
 * Checks the authenticator's answer and saves its public key under the given name,
 * through the verification pipeline (`factors/passkey.ts`, `newPasskey`). Like every 2FA
 * change, it ends the user's other sessions.
 */
export const finishPasskeyRegistration = define(
  "finishPasskeyRegistration",
  async (input, request) => {
    const ctx = callContext(request);
    const verified = await runVerification(ctx, newPasskey, { input, purpose: "enroll" });
    return {
      method: "passkey",
      passkeyId: verified.extra.passkeyId,
      name: verified.extra.name,
      ...(verified.recoveryCodes ? { recoveryCodes: verified.recoveryCodes } : {}),
      customToken: verified.customToken,
    } satisfies FinishPasskeyRegistrationResult;
  },
);
