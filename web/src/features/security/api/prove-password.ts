import { deleteApp, initializeApp } from "firebase/app";
import {
  connectAuthEmulator,
  inMemoryPersistence,
  initializeAuth,
  signInWithEmailAndPassword,
} from "firebase/auth";
import { env } from "@/config/env";
import { app } from "@/lib/firebase";

export interface PasswordProof {
  /** An ID token from signing in with the password. */
  token: string;
  /** Epoch milliseconds, by this browser's clock. */
  provedAt: number;
}

let proofs = 0;

/**
 * Proves the user knows `password` right now, for `changePassword`. The sign-in happens in
 * a throwaway app that keeps nothing: signing in again in the app's own Auth would replace
 * the session, and with it the second-step claims it earned.
 */
export async function provePassword(email: string, password: string): Promise<PasswordProof> {
  const scratch = initializeApp(app.options, `password-proof-${++proofs}`);
  try {
    const scratchAuth = initializeAuth(scratch, { persistence: inMemoryPersistence });
    if (env.emulators) {
      const { host, authPort } = env.emulators;
      connectAuthEmulator(scratchAuth, `http://${host}:${authPort}`, { disableWarnings: true });
    }
    const { user } = await signInWithEmailAndPassword(scratchAuth, email, password);
    return { token: await user.getIdToken(), provedAt: Date.now() };
  } finally {
    await deleteApp(scratch);
  }
}
