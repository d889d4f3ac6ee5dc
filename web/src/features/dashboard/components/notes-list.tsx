import { useId, type Ref } from "react";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { messages } from "@/lib/messages";
import { useDeleteNote } from "../api/delete-note";
import { useNotes, type Note } from "../api/get-notes";

const text = messages.dashboard;

interface NotesListProps {
  uid: string;
  onDeleted: () => void;
  /** The list's heading, which takes focus after a deletion. */
  headingRef?: Ref<HTMLHeadingElement>;
}

function NoteItem({ note, uid, onDeleted }: { note: Note; uid: string; onDeleted: () => void }) {
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
              {text.addedAt(formatDateTime(note.createdAt))}
            </time>
          </p>
        )}
        {remove.isError && (
          <p key={remove.submittedAt} role="alert" className="alert alert-error">
            {text.deleteFailed}
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
        {text.deleteNoteButton}
      </button>
    </li>
  );
}

/** The user's notes, newest first; the heading takes focus after a deletion. */
export function NotesList({ uid, onDeleted, headingRef }: NotesListProps) {
  const headingId = useId();
  const notes = useNotes(uid);

  return (
    <section className="card stack" aria-labelledby={headingId} aria-busy={notes.isPending}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {text.notesTitle}
      </h2>
      {notes.isPending ? (
        <p className="muted">{text.notesLoading}</p>
      ) : notes.isError ? (
        <div role="alert" className="alert alert-error">
          <p>{text.notesLoadFailed}</p>
          <button type="button" className="button" onClick={() => void notes.refetch()}>
            {text.retryButton}
          </button>
        </div>
      ) : notes.data.length === 0 ? (
        <p className="muted">{text.notesEmpty}</p>
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
