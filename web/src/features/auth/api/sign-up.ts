import { useMutation } from "@tanstack/react-query";
import { createUserWithEmailAndPassword } from "firebase/auth";
import { credentialsSchema, type Credentials } from "@dash2fa/shared";
import { auth } from "@/lib/firebase";

export { credentialsSchema, type Credentials };

/** Creating the account also signs it in. */
export async function signUp({ email, password }: Credentials): Promise<void> {
  await createUserWithEmailAndPassword(auth, email, password);
}

export function useSignUp() {
  return useMutation({ mutationFn: signUp });
}
