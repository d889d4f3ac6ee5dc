import type { AuthenticationResponseJSON, RegistrationResponseJSON } from "@simplewebauthn/server";
import type { DocumentReference, Transaction } from "firebase-admin/firestore";
import { passkeyPolicy } from "@dash2fa/shared";
import type { ParsedInput } from "@dash2fa/shared/contract";
import { refusal } from "../../errors.js";
import { webauthn } from "../../security/webauthn.js";
import { acceptedOrigin, relyingParty } from "../../passkeys/relying-party.js";
import {
  liveChallenge,
  passkeyChallengeRef,
  passkeyIdOf,
  type PasskeyRecord,
} from "../../passkeys/store.js";
import { refs } from "../../security/state.js";
import { wrong, type Factor } from "../pipeline.js";

type AnswerInput = ParsedInput<"finishPasskeyVerification">;

/**
 * A passkey's signature over the challenge from `startPasskeyVerification`, for a sign-in
 * or a step-up. The challenge is used up by any answer, right or wrong. A passkey cannot
 * be guessed, so the lockout that wrong codes earn never stops it, and a wrong answer (bad
 * signature, a key not registered to this user, a counter gone backwards) is logged but
 * does not add to that lockout: otherwise anyone holding the password could lock the
 * owner's codes with forged answers.
 *
 * Turning passkeys off removes every key (`forgetPasskeys`).
 */
export const passkey: Factor<AnswerInput, { name: string }> = {
  means: () => "passkey",
  purposes: ["sign-in", "step-up"],
  failures: "logged",
  proofRefs: (ctx, input, purpose) => [
    passkeyChallengeRef(ctx.uid, purpose),
    refs.passkey(ctx.uid, passkeyIdOf(input.response.id)),
  ],
  async check({ tx, ctx, security, input, purpose, snapshots, now }) {
    const challengeRef = passkeyChallengeRef(ctx.uid, purpose);
    const keyRef = refs.passkey(ctx.uid, passkeyIdOf(input.response.id));
    const [challengeSnap, keySnap] = snapshots;
    const live = liveChallenge(challengeSnap, now);
    if ("refused" in live) throw refusal({ reason: live.refused });
    if (!security.status.methods.passkey?.enabled) throw refusal({ reason: "method-not-enabled" });
    const useChallenge = () => tx.delete(challengeRef);

    const response = input.response as AuthenticationResponseJSON;
    const { rpID } = relyingParty();
    const key = keySnap?.exists ? (keySnap.data() as PasskeyRecord) : undefined;
    const origin = acceptedOrigin(response.response.clientDataJSON, rpID);
    const { verifyAuthenticationResponse } = await webauthn();
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
      return { ...wrong({ reason: "passkey-failed" }), spend: useChallenge };
    }
    const counter = verification.authenticationInfo.newCounter;
    return {
      ok: true,
      subject: { uid: ctx.uid, means: "passkey", destination: "" },
      spend: () => {
        useChallenge();
        tx.update(keyRef, { counter, lastUsedAt: now });
      },
      extra: { name: key.name },
    };
  },
};

type NewKeyInput = ParsedInput<"finishPasskeyRegistration">;

/**
 * A new passkey's attestation, answering `startPasskeyRegistration`: the first key turns
 * passkeys on (and, if it is the user's first method, brings recovery codes); later keys
 * are added to it. A refused answer spends nothing, so the person can try again.
 */
export const newPasskey: Factor<NewKeyInput, { passkeyId: string; name: string }> = {
  means: () => "passkey",
  purposes: ["enroll"],
  failures: "logged",
  proofRefs: (ctx) => [passkeyChallengeRef(ctx.uid, "enroll")],
  async check({ tx, ctx, input, snapshots: [challengeSnap], now }) {
    const challengeRef = passkeyChallengeRef(ctx.uid, "enroll");
    const keys = await tx.get(refs.passkeys(ctx.uid));
    const live = liveChallenge(challengeSnap, now);
    if ("refused" in live) throw refusal({ reason: live.refused });
    if (keys.size >= passkeyPolicy.maxKeys) throw refusal({ reason: "passkey-limit" });

    const response = input.response as RegistrationResponseJSON;
    const { rpID } = relyingParty();
    const origin = acceptedOrigin(response.response.clientDataJSON, rpID);
    const { verifyRegistrationResponse } = await webauthn();
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
    const record: PasskeyRecord = {
      name: input.name,
      createdAt: now,
      credentialId: credential.id,
      publicKey: Buffer.from(credential.publicKey).toString("base64url"),
      counter: credential.counter,
      transports: credential.transports ?? [],
      ...(response.authenticatorAttachment ? { attachment: response.authenticatorAttachment } : {}),
    };
    return {
      ok: true,
      subject: {
        uid: ctx.uid,
        means: "passkey",
        destination: "",
        passkey: { name: input.name, keys: keys.size + 1 },
      },
      spend: () => {
        tx.delete(challengeRef);
        tx.set(refs.passkey(ctx.uid, passkeyId), record);
      },
      extra: { passkeyId, name: input.name },
    };
  },
};

/** Turning passkeys off: every key is removed (the caller read them before any write). */
export function forgetPasskeys(tx: Transaction, keys: DocumentReference[]): void {
  for (const key of keys) tx.delete(key);
}
