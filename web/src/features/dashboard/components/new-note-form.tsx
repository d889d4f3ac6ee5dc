import { useId } from "react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/components/field";
import { messages } from "@/lib/messages";
import { noteTextSchema, useCreateNote } from "../api/create-note";

const text = messages.dashboard;
const maxLength = noteTextSchema.maxLength ?? 500;

interface NewNoteFormProps {
  uid: string;
  onAdded: () => void;
}

/** Checked with the same schema the rules mirror: 1-500 characters once trimmed. */
function validateNote(value: string): true | string {
  const parsed = noteTextSchema.safeParse(value);
  if (parsed.success) return true;
  return parsed.error.issues[0]?.code === "too_big" ? text.noteTooLong(maxLength) : text.noteEmpty;
}

export function NewNoteForm({ uid, onAdded }: NewNoteFormProps) {
  const headingId = useId();
  const create = useCreateNote();
  const {
    register,
    handleSubmit,
    reset,
    setFocus,
    formState: { errors },
  } = useForm<{ text: string }>({ defaultValues: { text: "" } });

  const onSubmit = handleSubmit(({ text: noteText }) => {
    if (create.isPending) return;
    create.mutate(
      { uid, text: noteText },
      {
        onSuccess: () => {
          reset();
          setFocus("text");
          onAdded();
        },
      },
    );
  });

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{text.newNoteTitle}</h2>
      <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
        <TextAreaField
          label={text.noteLabel}
          hint={text.noteHint(maxLength)}
          rows={3}
          error={errors.text?.message}
          {...register("text", { validate: validateNote })}
        />
        {create.isError && (
          <p key={create.submittedAt} role="alert" className="alert alert-error">
            {text.addFailed}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" aria-busy={create.isPending}>
            {text.addNoteButton}
          </button>
        </div>
      </form>
    </section>
  );
}
