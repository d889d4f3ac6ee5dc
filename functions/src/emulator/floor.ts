import { randomBytes } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { db } from "../admin.js";
import { defineEmulatorOnly } from "../callable.js";
import { assertEmulator } from "./dev-outbox.js";

/**
 * Emulator-only benchmark floor: one transaction with exactly `reads` document reads and
 * `writes` document writes and no logic, so `npm run bench` can report each real flow as
 * a ratio to the least work its Firestore traffic could cost. With `token`, it also mints
 * a custom token for the caller, as a verification that upgrades the session must.
 */
export const benchFloorCallable = () =>
  defineEmulatorOnly(async (request) => {
    assertEmulator("benchFloor");
    const { reads, writes, token } = request.data as {
      reads: number;
      writes: number;
      token?: boolean;
    };
    const collection = db.collection("benchFloor");
    await db.runTransaction(async (tx) => {
      const refs = Array.from({ length: reads }, (_, i) => collection.doc(`r${i}`));
      if (refs.length) await tx.getAll(...refs);
      for (let i = 0; i < writes; i += 1) {
        tx.set(collection.doc(`w${randomBytes(8).toString("hex")}`), { i });
      }
    });
    if (token && request.auth)
      return { token: await getAuth().createCustomToken(request.auth.uid) };
    return { ok: true };
  });
