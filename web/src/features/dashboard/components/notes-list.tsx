import { useId, type Ref } from "react";
import { ListSkeleton } from "@/components/list-skeleton";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import { useDeleteNote } from "../api/delete-note";
import { useNotes, type Note } from "../api/get-notes";

interface NotesListProps {
  uid: string;
  onDeleted: () => void;
  /** The list's heading, which takes focus after a deletion. */
  headingRef?: Ref<HTMLHeadingElement>;
}

function NoteItem({ note, uid, onDeleted }: { note: Note; uid: string; onDeleted: () => void }) {
  const t = useT();
  const textId = useId();
  const remove = useDeleteNote();
  return (
    <li className="list-item">
      <div className="list-item-main">
        <p id={textId} className="note-text">
          {note.text}
        </p>
        {note.createdAt > 0 && (
          <p className="muted">
            <time dateTime={isoDateTime(note.createdAt)}>
              {t("dashboard.addedAt", { time: formatDateTime(note.createdAt) })}
            </time>
          </p>
        )}
        {remove.isError && (
          <p key={remove.submittedAt} role="alert" className="alert alert-error">
            {t("dashboard.deleteFailed")}
          </p>
        )}
      </div>
      <button
        type="button"
        className="button button-quiet"
        aria-describedby={textId}
        aria-busy={remove.isPending}
        onClick={() => {
          if (!remove.isPending) remove.mutate({ uid, noteId: note.id }, { onSuccess: onDeleted });
        }}
      >
        {t("dashboard.deleteNoteButton")}
      </button>
    </li>
  );
}

/** The user's notes, newest first; the heading takes focus after a deletion. */
export function NotesList({ uid, onDeleted, headingRef }: NotesListProps) {
  const t = useT();
  const headingId = useId();
  const notes = useNotes(uid);

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={notes.isPending}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {t("dashboard.notesTitle")}
      </h2>
      {notes.isPending ? (
        <ListSkeleton rows={3} trailing="button" label={t("dashboard.notesLoading")} />
      ) : notes.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{t("dashboard.notesLoadFailed")}</p>
          <button type="button" className="button" onClick={() => void notes.refetch()}>
            {t("dashboard.retryButton")}
          </button>
        </div>
      ) : notes.data.length === 0 ? (
        <p className="muted">{t("dashboard.notesEmpty")}</p>
      ) : (
        <ul className="list" aria-labelledby={headingId}>
          {notes.data.map((note) => (
            <NoteItem key={note.id} note={note} uid={uid} onDeleted={onDeleted} />
          ))}
        </ul>
      )}
    </section>
  );
}
