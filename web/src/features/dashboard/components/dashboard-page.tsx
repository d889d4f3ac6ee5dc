import { useRef } from "react";
import { PageTitle } from "@/components/page-title";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { useTwoFactorStatus } from "@/lib/two-factor-status";
import { useAnnouncement } from "@/lib/use-announcement";
import { NewNoteForm } from "./new-note-form";
import { NotesList } from "./notes-list";

/**
 * The protected home page: the user's own notes (the rules demand the second step once
 * 2FA is on; without it the page says so rather than claiming a protection not there).
 */
export function DashboardPage() {
  const t = useT();
  const { uid } = useSignedInUser();
  const status = useTwoFactorStatus(uid);
  const notesHeadingRef = useRef<HTMLHeadingElement>(null);
  const { announcement: notice, announce } = useAnnouncement<"added" | "deleted">();

  return (
    <div className="page stack">
      <PageTitle page={t("dashboard.title")} />
      <h1>{t("dashboard.title")}</h1>
      <p>
        {status.data?.required === false ? t("dashboard.introWithout2fa") : t("dashboard.intro")}
      </p>
      <p role="status" className="notice live-region">
        {notice && (
          <span key={notice.key}>
            {notice.message === "added" ? t("dashboard.noteAdded") : t("dashboard.noteDeleted")}
          </span>
        )}
      </p>
      <NewNoteForm uid={uid} onAdded={() => announce("added")} />
      <NotesList
        headingRef={notesHeadingRef}
        uid={uid}
        onDeleted={() => {
          announce("deleted");
          // The pressed button is gone with its note; keep the keyboard in the list.
          notesHeadingRef.current?.focus();
        }}
      />
    </div>
  );
}
