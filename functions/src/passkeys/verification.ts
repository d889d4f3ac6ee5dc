import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type AuthenticationResponseJSON,
} from "@simplewebauthn/server";
import {
  passkeyPolicy,
  type FinishPasskeyVerificationResult,
  type PasskeyChallengeResult,
  type WebAuthnOptionsJSON,
} from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { recordActivity } from "../security/activity.js";
import { guardRef, readGuard } from "../security/guard.js";
import { readUserSecurity, refs, requireSecondStep } from "../security/state.js";
import { completeVerification, upgradeSession } from "../verification/outcome.js";
import { acceptedOrigin, relyingParty } from "./relying-party.js";
import {
  liveChallenge,
  passkeyChallengeRef,
  passkeyIdOf,
  savePasskeyChallenge,
  type PasskeyRecord,
} from "./store.js";

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

/**
 * Checks a passkey's signature over the challenge. The challenge is used up by any
 * answer, right or wrong. A passkey cannot be guessed, so the lockout that wrong codes
 * earn never stops it, and a wrong answer (bad signature, a key not registered to this
 * user, a counter gone backwards) is logged but does not add to that lockout: otherwise
 * anyone holding the password could lock the owner's codes with forged answers.
 */
export const finishPasskeyVerification = define(
  "finishPasskeyVerification",
  async (input, request) => {
    const ctx = callContext(request);
    const response = input.response as AuthenticationResponseJSON;
    const { rpID } = relyingParty();
    const passkeyId = passkeyIdOf(response.id);

    const outcome = await transaction(async (tx) => {
      const now = Date.now();
      const security = await readUserSecurity(tx, ctx.uid);
      const challengeRef = passkeyChallengeRef(ctx.uid, input.purpose);
      const keyRef = refs.passkey(ctx.uid, passkeyId);
      const [challengeSnap, guardSnap, keySnap] = await tx.getAll(
        challengeRef,
        guardRef(ctx.uid),
        keyRef,
      );
      if (input.purpose === "step-up") requireSecondStep(security, ctx);
      const guard = readGuard(guardSnap?.data());
      const live = liveChallenge(challengeSnap, now);
      if ("refused" in live) throw refusal({ reason: live.refused });
      if (!security.status.methods.passkey?.enabled)
        throw refusal({ reason: "method-not-enabled" });
      tx.delete(challengeRef);

      const key = keySnap?.exists ? (keySnap.data() as PasskeyRecord) : undefined;
      const origin = acceptedOrigin(response.response.clientDataJSON, rpID);
      const verification =
        key && origin && key.credentialId === response.id
          ? await verifyAuthenticationResponse({
              response,
              expectedChallenge: live.challenge,
              expectedOrigin: origin,
              expectedRPID: rpID,
              credential: {
                id: key.credentialId,
                publicKey: new Uint8Array(Buffer.from(key.publicKey, "base64url")),
                counter: key.counter,
                transports: key.transports,
              },
              requireUserVerification: false,
            }).catch(() => undefined)
          : undefined;
      if (!key || !verification?.verified) {
        recordActivity(tx, ctx.uid, {
          type: "verification-failed",
          at: now,
          method: "passkey",
          browser: ctx.browser,
        });
        return { ok: false as const };
      }

      tx.update(keyRef, { counter: verification.authenticationInfo.newCounter, lastUsedAt: now });
      const completed = completeVerification({
        tx,
        ctx,
        security,
        guard,
        subject: { uid: ctx.uid, method: "passkey", destination: "" },
        purpose: input.purpose,
        now,
        rememberDevice: input.rememberDevice === true,
      });
      return { ok: true as const, now, name: key.name, completed };
    });

    if (!outcome.ok) throw refusal({ reason: "passkey-failed" });
    const { completed } = outcome;
    return {
      purpose: input.purpose,
      method: "passkey",
      name: outcome.name,
      ...(completed.rememberedDevice ? { rememberedDevice: completed.rememberedDevice } : {}),
      customToken: await upgradeSession(ctx, completed, outcome.now),
    } satisfies FinishPasskeyVerificationResult;
  },
);
