import { useT } from "@/lib/i18n";
import { useSignOut } from "@/lib/sign-out";

export function SignOutButton() {
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
      {t("auth.signOutButton")}
    </button>
  );
}
