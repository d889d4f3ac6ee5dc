import { useId, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { passkeyPolicy, type FinishPasskeyRegistrationResult } from "@dash2fa/shared";
import { Field } from "@/components/field";
import { Modal } from "@/components/modal";
import { describePasskeyError, isPasskeyPromptCancelled } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { createPasskey } from "@/lib/webauthn";
import { browserSupportsPasskeys } from "@/lib/webauthn-error";
import { usePasskeyNameField } from "./passkey-name-field";
import { call } from "@/lib/firebase";

interface AddPasskeyDialogProps {
  /** The key is registered; resolves once the page has taken it in. */
  onAdded: (result: FinishPasskeyRegistrationResult) => Promise<void>;
  onCancel: () => void;
}

/** Names a new key, then opens the browser's prompt to create it and registers it. */
export function AddPasskeyDialog({ onAdded, onCancel }: AddPasskeyDialogProps) {
  const t = useT();
  const ids = useId();
  const titleId = `${ids}-title`;
  const descriptionId = `${ids}-description`;
  const {
    inputRef,
    name,
    setName,
    error: nameError,
    focus,
    submitted,
  } = usePasskeyNameField(() => t("security.passkeys.defaultName"));
  const supported = browserSupportsPasskeys();

  const add = useMutation({
    mutationFn: async (keyName: string) => {
      const { options } = await call("startPasskeyRegistration", {});
      const response = await createPasskey(options);
      const result = await call("finishPasskeyRegistration", { name: keyName, response });
      await onAdded(result);
      return result;
    },
  });

  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const keyName = submitted();
    if (keyName !== undefined) add.mutate(keyName, { onError: focus });
  }

  const cancelled = add.isError && isPasskeyPromptCancelled(add.error);

  return (
    <Modal
      className="verify-dialog"
      labelledBy={titleId}
      describedBy={descriptionId}
      onCancel={onCancel}
    >
      <form className="stack" noValidate onSubmit={handleSubmit}>
        <h2 id={titleId}>{t("security.passkeys.addTitle")}</h2>
        <p id={descriptionId}>{t("security.passkeys.addIntro")}</p>
        {supported ? (
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
        ) : (
          <p role="alert" className="alert alert-error">
            {t("security.passkeys.unsupported")}
          </p>
        )}
        {add.isError && (
          <p key={add.submittedAt} role="alert" className="alert alert-error">
            {describePasskeyError(add.error)}
          </p>
        )}
        <p aria-live="polite" className="notice live-region">
          {add.isPending && t("security.passkeys.waiting")}
        </p>
        <div className="actions">
          {supported && (
            <button type="submit" className="button button-primary" aria-busy={add.isPending}>
              {cancelled
                ? t("security.passkeys.tryAgainButton")
                : t("security.passkeys.continueButton")}
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={onCancel}>
            {t("security.passkeys.cancelButton")}
          </button>
        </div>
      </form>
    </Modal>
  );
}
