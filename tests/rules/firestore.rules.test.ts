import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import {
  collection,
  deleteDoc,
  doc,
  getDoc,
  getDocs,
  serverTimestamp,
  setDoc,
  setLogLevel,
  Timestamp,
  updateDoc,
} from "firebase/firestore";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import { emulatorHost } from "../support/emulators.js";
import { expressionsIn, uncoveredExpressions } from "./coverage.js";

const OWNER = "owner-uid";
const OTHER = "other-uid";
/** A user with 2FA enabled, whose last 2FA change was at CHANGED_AT (epoch seconds). */
const SECURED = "secured-uid";
const CHANGED_AT = 1_800_000_000;

/** SECURED's sessions, by `sid`: one that lives, and one for each way a session ends. */
const HOUR = 3_600_000;
const liveSession = {
  browser: "Chrome on Linux",
  how: "email",
  createdAt: Date.now() - HOUR,
  lastSeenAt: Date.now() - HOUR,
  expiresAt: Date.now() + 24 * HOUR,
  idleExpiresAt: Date.now() + HOUR,
  sessionAt: CHANGED_AT,
  endedAt: null,
};
const sessions = {
  live: liveSession,
  ended: { ...liveSession, endedAt: Date.now() - 1000, endedReason: "ended-elsewhere" },
  expired: { ...liveSession, expiresAt: Date.now() - 1000 },
  idle: { ...liveSession, idleExpiresAt: Date.now() - 1000 },
};
const sid = (name: keyof typeof sessions) => `session-${name}`;

let env: RulesTestEnvironment;

const RULES = readFileSync(join(import.meta.dirname, "../../firestore.rules"), "utf8");

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
    await setDoc(doc(db, collections.twoFactor, SECURED), {
      methods: { email: { enabled: true, maskedDestination: "s•••@example.com", enabledAt: 0 } },
      required: true,
      sessionsValidAfter: CHANGED_AT,
    });
    for (const uid of [OWNER, SECURED]) {
      await setDoc(doc(db, collections.twoFactor, uid, collections.devices, "d1"), {
        browser: "x",
      });
      await setDoc(doc(db, collections.twoFactor, uid, collections.activity, "a1"), { type: "x" });
      await setDoc(doc(db, collections.twoFactor, uid, collections.passkeys, "k1"), {
        name: "Key",
      });
      await setDoc(doc(db, collections.users, uid, "notes", "n1"), { text: "hi" });
    }
    for (const name of serverOnly) await setDoc(doc(db, name, OWNER), { secret: true });
    for (const [name, session] of Object.entries(sessions)) {
      const id = sid(name as keyof typeof sessions);
      await setDoc(doc(db, collections.twoFactor, SECURED, collections.sessions, id), session);
    }
  });
});

const serverOnly = [
  collections.twoFactorDestinations,
  collections.verifications,
  collections.recoveryCodes,
  collections.totpSecrets,
  collections.verificationGuards,
  collections.rateLimits,
  collections.passwordResets,
  collections.mail,
  collections.messages,
  "devOutbox",
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

const upgradedAs = (claims: { sessionAt?: number; sid?: string }) =>
  env.authenticatedContext(SECURED, { mfa: "email", ...claims }).firestore();

/**
 * Sessions of the 2FA user: password only, upgraded before the last change, upgraded
 * after (and living), and upgraded after but signed out, ended, expired or idle.
 */
const secured = {
  passwordOnly: () => env.authenticatedContext(SECURED).firestore(),
  upgradedBeforeChange: () => upgradedAs({ sessionAt: CHANGED_AT - 1, sid: sid("live") }),
  upgraded: () => upgradedAs({ sessionAt: CHANGED_AT, sid: sid("live") }),
};

/** Upgraded after the last change, but the session its token names no longer lives. */
const endedSessions = {
  "signed out from another session": () => upgradedAs({ sessionAt: CHANGED_AT, sid: sid("ended") }),
  "past its absolute lifetime": () => upgradedAs({ sessionAt: CHANGED_AT, sid: sid("expired") }),
  "past its idle limit": () => upgradedAs({ sessionAt: CHANGED_AT, sid: sid("idle") }),
  "naming no recorded session": () => upgradedAs({ sessionAt: CHANGED_AT, sid: "session-none" }),
  "naming no session at all (issued before sessions were recorded)": () =>
    upgradedAs({ sessionAt: CHANGED_AT }),
};

describe("protected data behind the second step", () => {
  const protectedPaths = [
    [collections.twoFactor, SECURED, collections.devices, "d1"],
    [collections.twoFactor, SECURED, collections.activity, "a1"],
    [collections.twoFactor, SECURED, collections.passkeys, "k1"],
    [collections.users, SECURED, "notes", "n1"],
  ] as const;

  it.each(protectedPaths)("%s/…/%s/… is readable only by an upgraded session", async (...path) => {
    const [a, b, c, d] = path;
    await assertSucceeds(getDoc(doc(secured.upgraded(), a, b, c, d)));
    await assertFails(getDoc(doc(secured.passwordOnly(), a, b, c, d)));
    await assertFails(getDoc(doc(secured.upgradedBeforeChange(), a, b, c, d)));
    await assertFails(getDoc(doc(as.other(), a, b, c, d)));
    await assertFails(getDoc(doc(as.signedOut(), a, b, c, d)));
  });

  it.each(Object.keys(endedSessions) as (keyof typeof endedSessions)[])(
    "refuses every protected read and write to a session %s",
    async (name) => {
      const db = endedSessions[name]();
      for (const [a, b, c, d] of protectedPaths) await assertFails(getDoc(doc(db, a, b, c, d)));
      await assertFails(
        getDocs(collection(db, collections.twoFactor, SECURED, collections.sessions)),
      );
      await assertFails(
        setDoc(doc(db, collections.users, SECURED, "notes", "new"), {
          text: "x",
          createdAt: serverTimestamp(),
        }),
      );
      await assertFails(setDoc(doc(db, collections.users, SECURED), { locale: "ka" }));
    },
  );

  it("refuses a password-only session even when no 2FA change was ever recorded", async () => {
    await env.withSecurityRulesDisabled(async (context) => {
      await setDoc(doc(context.firestore(), collections.twoFactor, SECURED), {
        methods: {},
        required: true,
        sessionsValidAfter: 0,
      });
    });
    await assertFails(
      getDoc(doc(secured.passwordOnly(), collections.users, SECURED, "notes", "n1")),
    );
  });

  it("lets the owner still read their 2FA status before the second step", async () => {
    await assertSucceeds(getDoc(doc(secured.passwordOnly(), collections.twoFactor, SECURED)));
  });

  it("keeps devices, passkeys and activity read-only, even for an upgraded session", async () => {
    const db = secured.upgraded();
    const key = doc(db, collections.twoFactor, SECURED, collections.passkeys, "k1");
    await assertFails(setDoc(key, { name: "Mine", publicKey: "attacker's key", counter: 0 }));
    await assertFails(updateDoc(key, { name: "Renamed" }));
    await assertFails(deleteDoc(key));
    await assertFails(
      setDoc(doc(db, collections.twoFactor, SECURED, collections.passkeys, "k2"), { name: "x" }),
    );
    await assertFails(
      setDoc(doc(db, collections.twoFactor, SECURED, collections.devices, "d2"), {}),
    );
    await assertFails(
      deleteDoc(doc(db, collections.twoFactor, SECURED, collections.devices, "d1")),
    );
    await assertFails(
      setDoc(doc(db, collections.twoFactor, SECURED, collections.activity, "a2"), {}),
    );
  });

  it("lets a user without 2FA use their notes after the password", async () => {
    const db = as.owner();
    await assertSucceeds(getDocs(collection(db, collections.users, OWNER, "notes")));
    await assertSucceeds(
      setDoc(doc(db, collections.users, OWNER, "notes", "n2"), {
        text: "hello",
        createdAt: serverTimestamp(),
      }),
    );
    await assertFails(getDocs(collection(as.other(), collections.users, OWNER, "notes")));
  });
});

describe(`${collections.twoFactor}/{uid}/${collections.sessions}`, () => {
  const sessionsOf = (db: ReturnType<typeof as.owner>) =>
    collection(db, collections.twoFactor, SECURED, collections.sessions);
  const session = (db: ReturnType<typeof as.owner>, name: string) =>
    doc(db, collections.twoFactor, SECURED, collections.sessions, name);

  it("are listed by the owner past the second step, and by no one else", async () => {
    const listed = await getDocs(sessionsOf(secured.upgraded()));
    expect(listed.size).toBe(Object.keys(sessions).length);
    await assertFails(getDocs(sessionsOf(secured.passwordOnly())));
    await assertFails(getDocs(sessionsOf(secured.upgradedBeforeChange())));
    await assertFails(getDocs(sessionsOf(as.other())));
    await assertFails(getDocs(sessionsOf(as.signedOut())));
  });

  it("let an ended session read its own record, to learn why, and nothing else", async () => {
    const db = endedSessions["signed out from another session"]();
    const own = await assertSucceeds(getDoc(session(db, sid("ended"))));
    expect(own.get("endedReason")).toBe("ended-elsewhere");
    await assertFails(getDoc(session(db, sid("live"))));
    await assertFails(getDoc(session(as.other(), sid("live"))));
  });

  it("are written by no client, not even to revive an ended session or stretch a limit", async () => {
    for (const db of [secured.upgraded(), endedSessions["past its idle limit"](), as.other()]) {
      await assertFails(updateDoc(session(db, sid("ended")), { endedAt: null }));
      await assertFails(updateDoc(session(db, sid("idle")), { idleExpiresAt: Date.now() + HOUR }));
      await assertFails(setDoc(session(db, "session-new"), liveSession));
      await assertFails(deleteDoc(session(db, sid("live"))));
    }
  });
});

describe("users/{uid} preferences", () => {
  const profile = (db: ReturnType<typeof as.owner>, uid = OWNER) => doc(db, collections.users, uid);

  it("are written by the owner, with nothing but a supported locale", async () => {
    await assertSucceeds(setDoc(profile(as.owner()), { locale: "ka" }));
    await assertSucceeds(getDoc(profile(as.owner())));
    await assertFails(setDoc(profile(as.owner()), { locale: "fr" }));
    await assertFails(setDoc(profile(as.owner()), { locale: "en", required: false }));
    await assertFails(deleteDoc(profile(as.owner())));
  });

  it("are changed only past the second step: a password alone may not pick the notices' language", async () => {
    const prefs = (db: ReturnType<typeof as.owner>) => doc(db, collections.users, SECURED);
    await assertSucceeds(getDoc(prefs(secured.passwordOnly())));
    await assertFails(setDoc(prefs(secured.passwordOnly()), { locale: "ka" }));
    await assertFails(setDoc(prefs(secured.upgradedBeforeChange()), { locale: "ka" }));
    await assertSucceeds(setDoc(prefs(secured.upgraded()), { locale: "ka" }));
  });

  it("are neither read nor written by anyone else", async () => {
    await assertFails(getDoc(profile(as.other())));
    await assertFails(setDoc(profile(as.other()), { locale: "en" }));
    await assertFails(setDoc(profile(as.signedOut()), { locale: "en" }));
  });
});

describe("notes", () => {
  const notes = (db: ReturnType<typeof as.owner>) =>
    doc(db, collections.users, SECURED, "notes", "new");

  it("are created by an upgraded session with exactly text and server time", async () => {
    await assertSucceeds(
      setDoc(notes(secured.upgraded()), { text: "ok", createdAt: serverTimestamp() }),
    );
  });

  it.each([
    ["a password-only session", secured.passwordOnly, { text: "x", createdAt: "now" }],
    [
      "a session from before the last change",
      secured.upgradedBeforeChange,
      { text: "x", createdAt: "now" },
    ],
    ["an empty text", secured.upgraded, { text: "", createdAt: "now" }],
    ["a 501-character text", secured.upgraded, { text: "x".repeat(501), createdAt: "now" }],
    ["a text that is not a string", secured.upgraded, { text: 42, createdAt: "now" }],
    ["an extra field", secured.upgraded, { text: "x", createdAt: "now", admin: true }],
    ["a client-chosen time", secured.upgraded, { text: "x", createdAt: Timestamp.fromMillis(0) }],
  ] as const)("are refused from %s", async (_name, session, data) => {
    const payload = {
      ...data,
      createdAt: data.createdAt === "now" ? serverTimestamp() : data.createdAt,
    };
    await assertFails(setDoc(notes(session()), payload));
  });

  it("cannot be edited, and are deleted only by an upgraded session", async () => {
    const path = [collections.users, SECURED, "notes", "n1"] as const;
    await assertFails(updateDoc(doc(secured.upgraded(), ...path), { text: "changed" }));
    await assertFails(deleteDoc(doc(secured.passwordOnly(), ...path)));
    await assertSucceeds(deleteDoc(doc(secured.upgraded(), ...path)));
  });
});

describe(`${collections.twoFactor}/{uid}/${collections.deliveries}`, () => {
  const mirror = { state: "delivered", codeExpiresAt: Date.now() + 600_000, updatedAt: 0 };
  const delivery = (db: ReturnType<typeof as.owner>, uid: string, id = "sign-in_email") =>
    doc(db, collections.twoFactor, uid, collections.deliveries, id);

  beforeEach(async () => {
    await env.withSecurityRulesDisabled(async (context) => {
      for (const uid of [OWNER, SECURED]) await setDoc(delivery(context.firestore(), uid), mirror);
    });
  });

  it("lets the owner read their code's delivery state, before the second step too", async () => {
    await assertSucceeds(getDoc(delivery(as.owner(), OWNER)));
    await assertSucceeds(getDoc(delivery(secured.passwordOnly(), SECURED)));
    await assertSucceeds(getDoc(delivery(secured.upgraded(), SECURED)));
    // Not yet written (no message has moved): still the owner's to read.
    await assertSucceeds(getDoc(delivery(as.owner(), OWNER, "enroll_phone")));
  });

  it("hides it from another user and from signed-out visitors", async () => {
    await assertFails(getDoc(delivery(as.other(), OWNER)));
    await assertFails(getDoc(delivery(as.signedOut(), OWNER)));
    await assertFails(getDoc(delivery(as.owner(), SECURED)));
  });

  it.each(["ended", "expired", "idle"] as const)(
    "refuses a token naming a session that is %s",
    async (name) => {
      const db = upgradedAs({ sessionAt: CHANGED_AT, sid: sid(name) });
      await assertFails(getDoc(delivery(db, SECURED)));
      await assertFails(
        getDoc(delivery(upgradedAs({ sessionAt: CHANGED_AT, sid: "session-none" }), SECURED)),
      );
    },
  );

  it("is read one document at a time, never listed", async () => {
    await assertFails(
      getDocs(
        collection(secured.upgraded(), collections.twoFactor, SECURED, collections.deliveries),
      ),
    );
  });

  it("lets nobody write it, not even its owner marking a code delivered", async () => {
    for (const db of [as.owner(), secured.upgraded(), as.other(), as.signedOut()]) {
      await assertFails(setDoc(delivery(db, OWNER, "enroll_email"), mirror));
      await assertFails(updateDoc(delivery(db, OWNER), { state: "failed" }));
      await assertFails(deleteDoc(delivery(db, OWNER)));
    }
    await assertFails(setDoc(delivery(secured.upgraded(), SECURED), mirror));
  });
});

describe("anything else", () => {
  it("is denied by default", async () => {
    await assertFails(setDoc(doc(as.owner(), "users", OWNER), { name: "x" }));
    await assertFails(getDoc(doc(as.owner(), "users", OWNER, "secrets", "s1")));
    await assertFails(getDoc(doc(as.owner(), "settings", OWNER)));
  });
});

// Last in the file, after every other test has exercised the rules.
describe("coverage", () => {
  it("finds the rules' conditions in the source", () => {
    expect(expressionsIn(RULES).length).toBeGreaterThan(10);
  });

  it("evaluated every condition of firestore.rules (100 %)", async () => {
    const uncovered = await uncoveredExpressions(
      emulatorHost("FIRESTORE_EMULATOR_HOST"),
      "demo-2fa-rules",
      RULES,
    );
    expect(uncovered).toEqual([]);
  });
});
