import fc from "fast-check";
import { httpsCallable, getFunctions, type FunctionsError } from "firebase/functions";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FUNCTIONS_REGION, collections } from "@dash2fa/shared";
import { callableNames, contract } from "@dash2fa/shared/contract";
import type { z } from "zod/mini";
import {
  adminDb,
  enableEmail,
  newUser,
  sendAndReadCode,
  type TestUser,
} from "../support/clients.js";

const RUNS = 400;

let user: TestUser;
beforeAll(async () => {
  user = await newUser();
  await enableEmail(user);
});
afterAll(() => user.dispose());

describe("races", () => {
  it(
    "lets exactly one of 50 parallel submissions of the right code succeed",
    { timeout: 180_000 },
    async () => {
      const browser = await newUser();
      try {
        const { code } = await sendAndReadCode(browser);
        const outcomes = await Promise.allSettled(
          Array.from({ length: 50 }, () =>
            browser.verify({ purpose: "enroll", method: "email", code }),
          ),
        );
        expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
        // Every loser, however it lost (the spent code, or contention), hears the same
        // definite answer: that code was already used. Never "try again".
        for (const o of outcomes) {
          if (o.status === "rejected") {
            const { code, details } = o.reason as FunctionsError;
            expect({ code, details }).toEqual({
              code: "functions/permission-denied",
              details: { reason: "code-already-used" },
            });
          }
        }
      } finally {
        await browser.dispose();
      }
    },
  );

  it("queues exactly one message for 50 parallel sends", { timeout: 180_000 }, async () => {
    const sender = await newUser();
    try {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 50 }, () =>
          sender.send({ purpose: "enroll", method: "email", destination: sender.email }),
        ),
      );
      expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
      const mail = await adminDb()
        .collection(collections.mail)
        .where("to", "==", sender.email)
        .get();
      expect(mail.size).toBe(1);
    } finally {
      await sender.dispose();
    }
  });
});

/** Inputs shaped almost like the real ones, with every field free to be anything. */
const nearValid = fc.record(
  {
    purpose: fc.oneof(fc.constantFrom("enroll", "sign-in", "step-up"), fc.anything()),
    method: fc.oneof(fc.constantFrom("email", "phone", "totp", "passkey"), fc.anything()),
    destination: fc.oneof(fc.emailAddress(), fc.string(), fc.anything()),
    code: fc.oneof(fc.stringMatching(/^\d{5,7}$/), fc.string(), fc.anything()),
    deviceId: fc.oneof(fc.string(), fc.anything()),
    token: fc.oneof(fc.string({ minLength: 43, maxLength: 43 }), fc.anything()),
    rememberDevice: fc.anything(),
    name: fc.oneof(fc.string({ maxLength: 80 }), fc.anything()),
    passkeyId: fc.oneof(fc.string({ minLength: 43, maxLength: 43 }), fc.anything()),
    response: fc.oneof(
      fc.anything(),
      fc.record(
        {
          id: fc.oneof(fc.base64String(), fc.string()),
          rawId: fc.oneof(fc.base64String(), fc.string()),
          type: fc.oneof(fc.constant("public-key"), fc.string()),
          response: fc.dictionary(
            fc.constantFrom(
              "clientDataJSON",
              "attestationObject",
              "authenticatorData",
              "signature",
              "userHandle",
            ),
            fc.oneof(fc.base64String(), fc.string(), fc.anything()),
          ),
          clientExtensionResults: fc.anything(),
        },
        { requiredKeys: [] },
      ),
    ),
    extra: fc.anything(),
  },
  { requiredKeys: [] },
);
const anyInput = fc.oneof(fc.anything(), nearValid);

/** Every callable of the contract, with the schema its input must pass. */
const callables: [string, z.ZodMiniType][] = callableNames.map((name) => [
  name,
  contract[name].input,
]);

/**
 * Documents in every collection a callable could write. Delivery mirrors are left out:
 * only a trigger on an outbound message writes them, possibly seconds after an earlier
 * test's send, and a refused call that queued no message (`mail` and `messages` are
 * counted) cannot cause one.
 */
async function documentCounts() {
  const names = Object.values(collections).filter((name) => name !== collections.deliveries);
  const counts = await Promise.all(
    names.map(async (name) => (await adminDb().collectionGroup(name).count().get()).data().count),
  );
  return Object.fromEntries(names.map((name, i) => [name, counts[i]]));
}

describe.each(callables)("%s fuzzed", (name, schema) => {
  it(`answers ${RUNS} malformed inputs with invalid-argument and writes nothing`, async () => {
    const call = httpsCallable(getFunctions(user.auth.app, FUNCTIONS_REGION), name);
    const before = await documentCounts();
    await fc.assert(
      fc.asyncProperty(anyInput, async (input) => {
        // JSON is what reaches the function: test what the schema sees after encoding.
        const sent = JSON.parse(JSON.stringify(input ?? null)) as unknown;
        fc.pre(!schema.safeParse(sent ?? {}).success);
        try {
          await call(sent);
        } catch (error) {
          const { code, details } = error as FunctionsError;
          expect(code).toBe("functions/invalid-argument");
          expect((details as { reason?: string } | undefined)?.reason).toBe("invalid-input");
          return;
        }
        throw new Error(`accepted ${JSON.stringify(sent)}`);
      }),
      { numRuns: RUNS },
    );
    expect(await documentCounts()).toEqual(before);
  }, 300_000);
});
