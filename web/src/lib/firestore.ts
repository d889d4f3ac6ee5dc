import { connectFirestoreEmulator, getFirestore } from "firebase/firestore/lite";
import { env } from "@/config/env";
import { app } from "./firebase";

// The "lite" SDK: the app reads and writes with one-off requests and never listens, so
// the realtime client (and its bundle weight) is not needed. A module of its own: the
// pages that read Firestore (dashboard, Security) import it with their chunks, and the
// app's own reads (the 2FA status, the session, the profile) load it on first use, so the
// sign-in page and the second step download none of it before they render.

export const db = getFirestore(app);

if (env.emulators) {
  connectFirestoreEmulator(db, env.emulators.host, env.emulators.firestorePort);
}

export { doc, getDoc, setDoc } from "firebase/firestore/lite";
