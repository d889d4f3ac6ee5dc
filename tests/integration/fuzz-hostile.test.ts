import fc from "fast-check";
import { getFunctions, httpsCallable, type FunctionsError } from "firebase/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS_REGION, collections } from "@dash2fa/shared";
import type { CallableName } from "@dash2fa/shared/contract";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  signInRemembering,
  stepUpByEmail,
  type TestUser,
} from "../support/clients.js";
import { SoftwareAuthenticator } from "../support/webauthn.js";

/**
 * Inputs of the right shape with hostile values: the schemas accept many of them, so they
 * reach the transactions. The attacker is a signed-in user with 2FA on, aiming at a
 * victim whose device and key ids it knows. Whatever it sends: no `internal` error, only
 * the product's refusals, the victim's documents untouched, and no victim identifier in
 * any answer.
 */
const RUNS_PER_CALLABLE = 250;

let attacker: TestUser;
let victim: TestUser;
const victimIds = { uid: "", email: "", deviceId: "", passkeyId: "", credentialId: "" };

beforeAll(async () => {
  attacker = await newUser();
  await enableEmail(attacker);
  // A fresh step-up, so hostile input reaches past the step-up checks into each change.
  await stepUpByEmail(attacker);
  victim = await newUser();
  await enableEmail(victim);
  await stepUpByEmail(victim);
  const key = new SoftwareAuthenticator();
  const { options } = await victim.startPasskeyRegistration();
  const registered = await victim.finishPasskeyRegistration({
    name: "Victim key",
    response: key.register(options),
  });
  await victim.upgrade(registered);
  const browser = await openSession(victim.email);
  const device = await signInRemembering(browser, victim.email);
  await browser.dispose();
  Object.assign(victimIds, {
    uid: victim.uid,
    email: victim.email,
    deviceId: device.deviceId,
    passkeyId: registered.passkeyId,
    credentialId: key.id,
  });
}, 120_000);
afterAll(() => Promise.all([attacker.dispose(), victim.dispose()]));

/** Strings a careless parser, logger or database layer might choke on. */
const hostileText = fc.oneof(
  fc.string({ unit: "grapheme", maxLength: 80 }),
  fc.string({ unit: "binary", maxLength: 80 }),
  fc.constantFrom(
    "",
    " ",
    "\u0000",
    "ორმაგი ავტორიზაცია",
    "\u202Eevil",
    "😀".repeat(40),
    "a".repeat(10_000),
    "../../twoFactor/x",
    "__proto__",
    "constructor",
    "$where",
    "'; DROP TABLE users; --",
    "<script>alert(1)</script>",
  ),
  fc.constant(null).map(() => victimIds.uid),
  fc.constant(null).map(() => victimIds.email),
);
const idLike = fc.oneof(
  fc.constant(null).map(() => victimIds.deviceId),
  fc.constant(null).map(() => victimIds.passkeyId),
  fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  hostileText,
);
const code = fc.oneof(
  fc.stringMatching(/^\d{6}$/),
  fc.constantFrom("000000", "999999"),
  hostileText,
);
const purpose = fc.constantFrom("enroll", "sign-in", "step-up");
const email = fc.oneof(
  fc.emailAddress(),
  fc.constant(null).map(() => victimIds.email),
  fc.constant(null).map(() => victimIds.email.toUpperCase().replace("@", "+x@")),
  hostileText,
);
const phone = fc.oneof(
  fc.constantFrom("+995555123456", "995555000000", "+995 555 12 34 56", "+1 202 555 0100"),
  fc.stringMatching(/^\+?\d{1,20}$/),
  hostileText,
);
const flag = fc.oneof(fc.boolean(), fc.constant(undefined));
const webauthnAnswer = fc.record({
  id: fc.oneof(
    fc.constant(null).map(() => victimIds.credentialId),
    fc.base64String(),
  ),
  rawId: fc.oneof(
    fc.constant(null).map(() => victimIds.credentialId),
    fc.base64String(),
  ),
  type: fc.constant("public-key"),
  response: fc.record({
    clientDataJSON: fc.base64String({ maxLength: 400 }),
    attestationObject: fc.base64String({ maxLength: 400 }),
    authenticatorData: fc.base64String({ maxLength: 400 }),
    signature: fc.base64String({ maxLength: 200 }),
  }),
  clientExtensionResults: fc.constant({}),
});

const shaped: [CallableName, fc.Arbitrary<unknown>][] = [
  [
    "sendVerificationCode",
    fc.oneof(
      fc.record({
        purpose: fc.constant("enroll"),
        method: fc.constant("email"),
        destination: email,
      }),
      fc.record({
        purpose: fc.constant("enroll"),
        method: fc.constant("phone"),
        destination: phone,
      }),
      fc.record({
        purpose: fc.constantFrom("sign-in", "step-up"),
        method: fc.constantFrom("email", "phone"),
      }),
    ),
  ],
  [
    "verifyCode",
    fc.record({
      purpose,
      method: fc.constantFrom("email", "phone", "totp"),
      code,
      rememberDevice: flag,
    }),
  ],
  [
    "useRecoveryCode",
    fc.record({
      purpose: fc.constantFrom("sign-in", "step-up"),
      code: fc.oneof(fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{16}$/), hostileText),
      rememberDevice: flag,
    }),
  ],
  [
    "signInWithRememberedDevice",
    fc.record({
      deviceId: idLike,
      token: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{43}$/), hostileText),
    }),
  ],
  ["disableMethod", fc.record({ method: fc.constantFrom("email", "phone", "totp", "passkey") })],
  [
    "setPreferredMethod",
    fc.record({ method: fc.constantFrom("email", "phone", "totp", "passkey") }),
  ],
  ["revokeDevice", fc.record({ deviceId: idLike })],
  ["getDeliveryStatus", fc.record({ purpose, method: fc.constantFrom("email", "phone") })],
  ["startPasskeyVerification", fc.record({ purpose: fc.constantFrom("sign-in", "step-up") })],
  [
    "finishPasskeyVerification",
    fc.record({
      purpose: fc.constantFrom("sign-in", "step-up"),
      response: webauthnAnswer,
      rememberDevice: flag,
    }),
  ],
  ["finishPasskeyRegistration", fc.record({ name: hostileText, response: webauthnAnswer })],
  ["renamePasskey", fc.record({ passkeyId: idLike, name: hostileText })],
  ["removePasskey", fc.record({ passkeyId: idLike })],
  ["regenerateRecoveryCodes", fc.constant({})],
  ["revokeAllDevices", fc.constant({})],
  ["startTotpEnrollment", fc.constant({})],
  ["startPasskeyRegistration", fc.constant({})],
];

/** Every document of the victim's, as a comparable snapshot. */
async function victimState() {
  const db = adminDb();
  const root = db.collection(collections.twoFactor).doc(victimIds.uid);
  const [status, destinations, codes, guard, devices, passkeys] = await Promise.all([
    root.get(),
    db.collection(collections.twoFactorDestinations).doc(victimIds.uid).get(),
    db.collection(collections.recoveryCodes).doc(victimIds.uid).get(),
    db.collection(collections.verificationGuards).doc(victimIds.uid).get(),
    root.collection(collections.devices).get(),
    root.collection(collections.passkeys).get(),
  ]);
  return {
    status: status.data(),
    destinations: destinations.data(),
    codes: codes.data(),
    guard: guard.data(),
    devices: devices.docs.map((d) => [d.id, d.data()]),
    passkeys: passkeys.docs.map((d) => [d.id, d.data()]),
  };
}

/** The answers the product gives: each a refusal it documents, never a crash. */
const expectedCodes = new Set([
  "functions/invalid-argument",
  "functions/permission-denied",
  "functions/failed-precondition",
  "functions/resource-exhausted",
  "functions/deadline-exceeded",
  "functions/already-exists",
  "functions/unavailable",
]);

describe.each(shaped)("%s with well-shaped hostile input", (name, input) => {
  it(`answers ${RUNS_PER_CALLABLE} inputs without a crash or a trace of the victim`, async () => {
    const call = httpsCallable(getFunctions(attacker.auth.app, FUNCTIONS_REGION), name);
    const before = await victimState();
    const secrets = [victimIds.uid, victimIds.email, victimIds.deviceId, victimIds.passkeyId];
    await fc.assert(
      fc.asyncProperty(input, async (data) => {
        const sent = JSON.parse(JSON.stringify(data)) as unknown;
        try {
          const { data: result } = await call(sent);
          const answer = JSON.stringify(result);
          for (const secret of secrets) expect(answer).not.toContain(secret);
        } catch (error) {
          const { code: errorCode, details, message } = error as FunctionsError;
          expect(expectedCodes, `${errorCode}: ${message}`).toContain(errorCode);
          expect(JSON.stringify(details ?? {})).not.toContain(victimIds.uid);
        }
      }),
      { numRuns: RUNS_PER_CALLABLE },
    );
    expect(await victimState()).toEqual(before);
  }, 300_000);
});
