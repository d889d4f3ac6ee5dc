import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { deleteDoc, doc, getDoc, setDoc, setLogLevel, updateDoc } from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { collections } from "@dash2fa/shared";
import { emulatorHost } from "../support/emulators.js";

const OWNER = "owner-uid";
const OTHER = "other-uid";

let env: RulesTestEnvironment;

beforeAll(async () => {
  // Denied requests are the point of these tests; the SDK would log each one.
  setLogLevel("silent");
  const { host, port } = emulatorHost("FIRESTORE_EMULATOR_HOST");
  env = await initializeTestEnvironment({
    // A project of its own, so clearing it never touches the functions' data.
    projectId: "demo-2fa-rules",
    firestore: {
      host,
      port,
      rules: readFileSync(join(import.meta.dirname, "../../firestore.rules"), "utf8"),
    },
  });
});

afterAll(() => env.cleanup());

beforeEach(async () => {
  await env.clearFirestore();
  await env.withSecurityRulesDisabled(async (context) => {
    const db = context.firestore();
    await setDoc(doc(db, collections.twoFactor, OWNER), { methods: {} });
    await setDoc(doc(db, collections.twoFactor, OTHER), { methods: {} });
    for (const name of serverOnly) await setDoc(doc(db, name, OWNER), { secret: true });
  });
});

const serverOnly = [
  collections.twoFactorDestinations,
  collections.verifications,
  collections.mail,
  collections.messages,
];

const as = {
  owner: () => env.authenticatedContext(OWNER).firestore(),
  other: () => env.authenticatedContext(OTHER).firestore(),
  signedOut: () => env.unauthenticatedContext().firestore(),
};

describe(`${collections.twoFactor}/{uid}`, () => {
  it("lets the owner read their own status", async () => {
    await assertSucceeds(getDoc(doc(as.owner(), collections.twoFactor, OWNER)));
  });

  it("hides it from another user and from signed-out visitors", async () => {
    await assertFails(getDoc(doc(as.other(), collections.twoFactor, OWNER)));
    await assertFails(getDoc(doc(as.signedOut(), collections.twoFactor, OWNER)));
  });

  it("lets nobody write it, not even the owner enabling a method for themselves", async () => {
    const enabled = {
      methods: { email: { enabled: true, maskedDestination: "x", enabledAt: 0 } },
    };
    for (const db of [as.owner(), as.other(), as.signedOut()]) {
      await assertFails(setDoc(doc(db, collections.twoFactor, OWNER), enabled));
      await assertFails(updateDoc(doc(db, collections.twoFactor, OWNER), enabled));
      await assertFails(deleteDoc(doc(db, collections.twoFactor, OWNER)));
    }
    await assertFails(setDoc(doc(as.owner(), collections.twoFactor, "new-uid"), enabled));
  });
});

describe.each(serverOnly)("%s/{id} (server only)", (name) => {
  it.each(Object.keys(as) as (keyof typeof as)[])(
    "is unreadable and unwritable as %s",
    async (who) => {
      const db = as[who]();
      await assertFails(getDoc(doc(db, name, OWNER)));
      await assertFails(setDoc(doc(db, name, OWNER), { secret: false }));
      await assertFails(setDoc(doc(db, name, "fresh-id"), { to: "x@example.com" }));
      await assertFails(deleteDoc(doc(db, name, OWNER)));
    },
  );
});

describe("anything else", () => {
  it("is denied by default", async () => {
    await assertFails(getDoc(doc(as.owner(), "users", OWNER)));
    await assertFails(setDoc(doc(as.owner(), "users", OWNER), { name: "x" }));
  });
});
