import { connectFirestoreEmulator, doc, getFirestore, onSnapshot } from "firebase/firestore";
import { collections, type DeliveryMirrorDoc, type DeliveryMirrorId } from "@dash2fa/shared";
import { env } from "@/config/env";
import { app, auth } from "./firebase";

// The realtime SDK, for the one thing the app follows as it changes: the delivery of a
// sent code. It is imported dynamically, when a code form opens, so no page downloads it
// before it renders; the one-off reads keep the lite SDK (`./firestore`). Both are
// separate components of the same app and share its sign-in.

const db = getFirestore(app);

if (env.emulators) {
  connectFirestoreEmulator(db, env.emulators.host, env.emulators.firestorePort);
}

/**
 * Listens to the signed-in user's mirror of the delivery state of their current code for
 * one purpose and method (`twoFactor/{uid}/deliveries/{id}`, which the functions write
 * and only its owner may read). `onChange` gets the mirror, or `undefined` while none was
 * written; `onError` is told once if the listener cannot start or is refused, after which
 * it is stopped. Returns the function that stops it.
 */
export function listenToDelivery(
  id: DeliveryMirrorId,
  onChange: (mirror: DeliveryMirrorDoc | undefined) => void,
  onError: (error: unknown) => void,
): () => void {
  const uid = auth.currentUser?.uid;
  if (!uid) {
    onError(new Error("Not signed in."));
    return () => undefined;
  }
  return onSnapshot(
    doc(db, collections.twoFactor, uid, collections.deliveries, id),
    (snapshot) => onChange(snapshot.data() as DeliveryMirrorDoc | undefined),
    onError,
  );
}
