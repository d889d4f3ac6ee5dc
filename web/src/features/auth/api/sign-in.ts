import { useMutation } from "@tanstack/react-query";
import { signInWithEmailAndPassword } from "firebase/auth";
import { credentialsSchema, type Credentials } from "@dash2fa/shared";
import { auth } from "@/lib/firebase";

export { credentialsSchema, type Credentials };

export async function signIn({ email, password }: Credentials): Promise<void> {
  await signInWithEmailAndPassword(auth, email, password);
}

/** The session hook sees the new user; the route guards then leave the sign-in page. */
export function useSignIn() {
  return useMutation({ mutationFn: signIn });
}
