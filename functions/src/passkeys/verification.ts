import {
  passkeyPolicy,
  type FinishPasskeyVerificationResult,
  type PasskeyChallengeResult,
  type WebAuthnOptionsJSON,
} from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { readUserSecurity, refs, requireSecondStep } from "../security/state.js";
import { passkey } from "../verification/factors/passkey.js";
import { runVerification } from "../verification/pipeline.js";
import { relyingParty } from "./relying-party.js";
import { savePasskeyChallenge, type PasskeyRecord } from "./store.js";
import { webauthn } from "../security/webauthn.js";

/** Starts a passkey verification for the second step of a sign-in, or a step-up. */
export const startPasskeyVerification = define(
  "startPasskeyVerification",
  async ({ purpose }, request) => {
    const ctx = callContext(request);
    const { rpID } = relyingParty();

    return transaction(async (tx) => {
      const now = Date.now();
      const security = await readUserSecurity(tx, ctx.uid);
      const keys = await tx.get(refs.passkeys(ctx.uid));
      if (purpose === "step-up") requireSecondStep(security, ctx);
      if (!security.status.methods.passkey?.enabled || keys.empty) {
        throw refusal({ reason: "method-not-enabled" });
      }
      const { generateAuthenticationOptions } = await webauthn();
      const options = await generateAuthenticationOptions({
        rpID,
        timeout: passkeyPolicy.timeoutMs,
        userVerification: "preferred",
        allowCredentials: keys.docs.map((snap) => {
          const key = snap.data() as PasskeyRecord;
          return { id: key.credentialId, transports: key.transports };
        }),
      });
      const expiresAt = savePasskeyChallenge(tx, ctx.uid, purpose, options.challenge, now);
      return { options: options as unknown as WebAuthnOptionsJSON, expiresAt };
    }) satisfies Promise<PasskeyChallengeResult>;
  },
);

/** Checks a passkey's answer through the verification pipeline (`factors/passkey.ts`). */
export const finishPasskeyVerification = define(
  "finishPasskeyVerification",
  async (input, request) => {
    const ctx = callContext(request);
    const { purpose, rememberDevice } = input;
    const verified = await runVerification(ctx, passkey, { input, purpose, rememberDevice });
    return {
      purpose,
      method: "passkey",
      name: verified.extra.name,
      ...(verified.rememberedDevice ? { rememberedDevice: verified.rememberedDevice } : {}),
      customToken: verified.customToken,
    } satisfies FinishPasskeyVerificationResult;
  },
);
