import { useId, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { passkeyPolicy, type RenamePasskeyResult } from "@dash2fa/shared";
import type { CallableInput } from "@dash2fa/shared/contract";
import { Field } from "@/components/field";
import { Modal } from "@/components/modal";
import { describeError } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import type { Passkey } from "../api/get-passkeys";
import { usePasskeyNameField } from "./passkey-name-field";
import { call } from "@/lib/firebase";

interface RenamePasskeyDialogProps {
  passkey: Passkey;
  onRenamed: (result: RenamePasskeyResult) => void;
  onCancel: () => void;
}

/** A new name for one key. */
export function RenamePasskeyDialog({ passkey, onRenamed, onCancel }: RenamePasskeyDialogProps) {
  const t = useT();
  const ids = useId();
  const titleId = `${ids}-title`;
  const {
    inputRef,
    name,
    setName,
    error: nameError,
    focus,
    submitted,
  } = usePasskeyNameField(passkey.name);
  const rename = useMutation({
    mutationFn: (input: CallableInput<"renamePasskey">) => call("renamePasskey", input),
    onSuccess: onRenamed,
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (rename.isPending) return;
    const newName = submitted();
    if (newName !== undefined) {
      rename.mutate({ passkeyId: passkey.id, name: newName }, { onError: focus });
    }
  }

  return (
    <Modal className="modal" labelledBy={titleId} onCancel={onCancel}>
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <h2 id={titleId}>{t("security.passkeys.renameTitle", { name: passkey.name })}</h2>
        <Field
          ref={inputRef}
          label={t("security.passkeys.nameLabel")}
          hint={t("security.passkeys.nameHint", { count: passkeyPolicy.nameMaxLength })}
          name="passkeyName"
          type="text"
          autoComplete="off"
          spellCheck={false}
          maxLength={passkeyPolicy.nameMaxLength * 2}
          value={name}
          onChange={(event) => setName(event.target.value)}
          error={nameError}
        />
        {rename.isError && (
          <p key={rename.submittedAt} role="alert" className="alert alert-error">
            {describeError(rename.error, undefined, "passkey")}
          </p>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary" aria-busy={rename.isPending}>
            {t("security.passkeys.saveButton")}
          </button>
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t("security.passkeys.cancelButton")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
