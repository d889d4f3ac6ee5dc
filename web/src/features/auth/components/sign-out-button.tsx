import { useT } from "@/lib/i18n";
import { useSignOut } from "@/lib/sign-out";

/**
 * Signs this browser out. Before the second step it reads "Cancel sign-in": the way back
 * to the sign-in page, with nothing signed in yet to leave.
 */
export function SignOutButton({ signingIn = false }: { signingIn?: boolean }) {
  const t = useT();
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
      {signingIn ? t("auth.cancelSignInButton") : t("auth.signOutButton")}
    </button>
  );
}
