import { messages } from "@/lib/messages";
import { useSignOut } from "../api/sign-out";

export function SignOutButton() {
  const signOut = useSignOut();
  return (
    <button
      type="button"
      className="button button-quiet"
      aria-busy={signOut.isPending}
      onClick={() => {
        if (!signOut.isPending) signOut.mutate();
      }}
    >
      {messages.auth.signOutButton}
    </button>
  );
}
