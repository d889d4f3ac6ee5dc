import { useId } from "react";
import { useForm } from "react-hook-form";
import { TextAreaField } from "@/components/field";
import { useT } from "@/lib/i18n";
import { noteTextMaxLength, noteTextSchema, useCreateNote } from "../api/create-note";

const maxLength = noteTextMaxLength;

interface NewNoteFormProps {
  uid: string;
  onAdded: () => void;
}

/**
 * Checked with the same schema the rules mirror: 1-500 characters once trimmed. Each rule
 * has its name, so the message is worded while rendering, in the active language.
 */
const noteRules = {
  empty: (value: string) =>
    noteTextSchema.safeParse(value).error?.issues[0]?.code !== "too_small" || "empty",
  tooLong: (value: string) =>
    noteTextSchema.safeParse(value).error?.issues[0]?.code !== "too_big" || "tooLong",
};

export function NewNoteForm({ uid, onAdded }: NewNoteFormProps) {
  const t = useT();
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

  const noteError =
    errors.text &&
    (errors.text.type === "tooLong"
      ? t("dashboard.noteTooLong", { count: maxLength })
      : t("dashboard.noteEmpty"));

  return (
    <section className="card stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{t("dashboard.newNoteTitle")}</h2>
      <form className="stack" noValidate onSubmit={onSubmit} aria-labelledby={headingId}>
        <TextAreaField
          label={t("dashboard.noteLabel")}
          hint={t("dashboard.noteHint", { count: maxLength })}
          rows={3}
          error={noteError}
          {...register("text", { validate: noteRules })}
        />
        {create.isError && (
          <p key={create.submittedAt} role="alert" className="alert alert-error">
            {t("dashboard.addFailed")}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" aria-busy={create.isPending}>
            {t("dashboard.addNoteButton")}
          </button>
        </div>
      </form>
    </section>
  );
}
