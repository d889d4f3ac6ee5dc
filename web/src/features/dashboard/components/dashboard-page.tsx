import { useRef, useState } from "react";
import { PageTitle } from "@/components/page-title";
import { useT } from "@/lib/i18n";
import { useSignedInUser } from "@/lib/session";
import { NewNoteForm } from "./new-note-form";
import { NotesList } from "./notes-list";

/** Re-keyed on every notice so the same sentence is announced again. */
interface Notice {
  id: number;
  event: "added" | "deleted";
}

/** The protected home page: the user's own notes (the rules demand the second step). */
export function DashboardPage() {
  const t = useT();
  const { uid } = useSignedInUser();
  const notesHeadingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function announce(event: Notice["event"]) {
    setNotice((previous) => ({ id: (previous?.id ?? 0) + 1, event }));
  }

  return (
    <div className="page stack">
      <PageTitle page={t("dashboard.title")} />
      <h1>{t("dashboard.title")}</h1>
      <p>{t("dashboard.intro")}</p>
      <p role="status" className="notice live-region">
        {notice && (
          <span key={notice.id}>
            {notice.event === "added" ? t("dashboard.noteAdded") : t("dashboard.noteDeleted")}
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
