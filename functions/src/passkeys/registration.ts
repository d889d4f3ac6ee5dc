import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import {
  passkeyPolicy,
  type FinishPasskeyRegistrationResult,
  type PasskeyChallengeResult,
  type WebAuthnOptionsJSON,
} from "@dash2fa/shared";
import { define } from "../callable.js";
import { callContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { guardRef, readGuard } from "../security/guard.js";
import { authorizeChange } from "../security/policy.js";
import { readUserSecurity, refs } from "../security/state.js";
import { completeVerification, upgradeSession } from "../verification/outcome.js";
import { acceptedOrigin, relyingParty } from "./relying-party.js";
import {
  liveChallenge,
  passkeyChallengeRef,
  passkeyIdOf,
  savePasskeyChallenge,
  type PasskeyRecord,
} from "./store.js";

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
 * Checks the authenticator's answer and saves its public key under the given name. The
 * first key turns passkeys on (and, if it is the user's first method, brings recovery
 * codes); later keys are added to it. Either way the user's other sessions end.
 */
export const finishPasskeyRegistration = define(
  "finishPasskeyRegistration",
  async (input, request) => {
    const ctx = callContext(request);
    const response = input.response as RegistrationResponseJSON;
    const { rpID } = relyingParty();

    const outcome = await transaction(async (tx) => {
      const now = Date.now();
      const security = await readUserSecurity(tx, ctx.uid);
      const challengeRef = passkeyChallengeRef(ctx.uid, "enroll");
      const [challengeSnap, guardSnap] = await tx.getAll(challengeRef, guardRef(ctx.uid));
      const keys = await tx.get(refs.passkeys(ctx.uid));
      authorizeChange("add-factor", security, ctx);
      const live = liveChallenge(challengeSnap, now);
      if ("refused" in live) throw refusal({ reason: live.refused });
      if (keys.size >= passkeyPolicy.maxKeys) throw refusal({ reason: "passkey-limit" });

      const origin = acceptedOrigin(response.response.clientDataJSON, rpID);
      const verification = origin
        ? await verifyRegistrationResponse({
            response,
            expectedChallenge: live.challenge,
            expectedOrigin: origin,
            expectedRPID: rpID,
            requireUserVerification: false,
          }).catch(() => undefined)
        : undefined;
      if (!verification?.verified) throw refusal({ reason: "passkey-failed" });

      const { credential } = verification.registrationInfo;
      const passkeyId = passkeyIdOf(credential.id);
      if (keys.docs.some((snap) => snap.id === passkeyId)) {
        throw refusal({ reason: "method-already-enabled" });
      }
      tx.delete(challengeRef);
      tx.set(refs.passkey(ctx.uid, passkeyId), {
        name: input.name,
        createdAt: now,
        credentialId: credential.id,
        publicKey: Buffer.from(credential.publicKey).toString("base64url"),
        counter: credential.counter,
        transports: credential.transports ?? [],
        ...(response.authenticatorAttachment
          ? { attachment: response.authenticatorAttachment }
          : {}),
      } satisfies PasskeyRecord);
      const completed = completeVerification({
        tx,
        ctx,
        security,
        guard: readGuard(guardSnap?.data()),
        subject: {
          uid: ctx.uid,
          method: "passkey",
          destination: "",
          passkey: { name: input.name, keys: keys.size + 1 },
        },
        purpose: "enroll",
        now,
        rememberDevice: false,
      });
      return { now, passkeyId, completed };
    });

    const { completed } = outcome;
    return {
      method: "passkey",
      passkeyId: outcome.passkeyId,
      name: input.name,
      ...(completed.recoveryCodes ? { recoveryCodes: completed.recoveryCodes } : {}),
      customToken: await upgradeSession(ctx, completed, outcome.now),
    } satisfies FinishPasskeyRegistrationResult;
  },
);
