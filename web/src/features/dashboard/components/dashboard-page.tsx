import { useRef, useState } from "react";
import { messages } from "@/lib/messages";
import { useSignedInUser } from "@/lib/session";
import { NewNoteForm } from "./new-note-form";
import { NotesList } from "./notes-list";

const text = messages.dashboard;

/** Re-keyed on every notice so the same sentence is announced again. */
interface Notice {
  id: number;
  message: string;
}

/** The protected home page: the user's own notes (the rules demand the second step). */
export function DashboardPage() {
  const { uid } = useSignedInUser();
  const notesHeadingRef = useRef<HTMLHeadingElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function announce(message: string) {
    setNotice((previous) => ({ id: (previous?.id ?? 0) + 1, message }));
  }

  return (
    <div className="page stack">
      <title>{messages.app.pageTitle(text.title)}</title>
      <h1>{text.title}</h1>
      <p>{text.intro}</p>
      <p role="status" className="notice live-region">
        {notice && <span key={notice.id}>{notice.message}</span>}
      </p>
      <NewNoteForm uid={uid} onAdded={() => announce(text.noteAdded)} />
      <NotesList
        headingRef={notesHeadingRef}
        uid={uid}
        onDeleted={() => {
          announce(text.noteDeleted);
          // The pressed button is gone with its note; keep the keyboard in the list.
          notesHeadingRef.current?.focus();
        }}
      />
    </div>
  );
}
