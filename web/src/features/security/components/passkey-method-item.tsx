import { useState } from "react";
import { useMutation } from "@tanstack/react-query";
import type {
  DisableMethodResult,
  FinishPasskeyRegistrationResult,
  RemovePasskeyResult,
  RenamePasskeyResult,
  TwoFactorMethodStatus,
} from "@dash2fa/shared";
import { ConfirmWithStepUpDialog, isStepUpCancelled, type StepUp } from "@/components/second-step";
import { describeError } from "@/components/verify-dialog";
import { useT } from "@/lib/i18n";
import { upgradeSession, useSignedInUser } from "@/lib/session";
import { usePasskeys, type Passkey } from "../api/get-passkeys";
import { AddPasskeyDialog } from "./add-passkey-dialog";
import { ActionLabel, MethodRow } from "./method-row";
import { PasskeyList } from "./passkey-list";
import { RenamePasskeyDialog } from "./rename-passkey-dialog";
import { useDisableMethod } from "./use-disable-method";
import { call } from "@/lib/firebase";

interface PasskeyMethodItemProps {
  status: TwoFactorMethodStatus | undefined;
  loading: boolean;
  /** Passkeys are the only method on: removing the last key turns 2FA off. */
  onlyEnabledMethod: boolean;
  /** Some method is on: adding a key then needs a recent verification first. */
  twoFactorOn: boolean;
  withStepUp: StepUp["withStepUp"];
  /** A key was registered; resolves once the session is upgraded and the page told. */
  onAdded: (result: FinishPasskeyRegistrationResult, firstKey: boolean) => Promise<void>;
  onRenamed: (result: RenamePasskeyResult) => void;
  /** The session is already upgraded when this is called. */
  onRemoved: (result: RemovePasskeyResult, name: string) => void;
  onDisabled: (result: DisableMethodResult) => void;
}

/**
 * Passkeys and security keys: the method's row, the list of keys with rename and remove
 * (remove needs a recent verification), and adding a key through the browser's prompt.
 */
export function PasskeyMethodItem({
  status,
  loading,
  onlyEnabledMethod,
  twoFactorOn,
  withStepUp,
  onAdded,
  onRenamed,
  onRemoved,
  onDisabled,
}: PasskeyMethodItemProps) {
  const t = useT();
  const { uid } = useSignedInUser();
  const enabled = status?.enabled === true;
  const keys = usePasskeys(uid, enabled);
  const [adding, setAdding] = useState(false);
  const [renaming, setRenaming] = useState<Passkey | null>(null);
  const [confirmingRemove, setConfirmingRemove] = useState<Passkey | null>(null);
  const disable = useDisableMethod({
    method: "passkey",
    onlyEnabledMethod,
    withStepUp,
    onDisabled,
  });

  const remove = useMutation({
    mutationFn: async (passkey: Passkey) => {
      const result = await withStepUp(() => call("removePasskey", { passkeyId: passkey.id }));
      // A 2FA change re-issues this session before anything reads the new state.
      await upgradeSession(result.customToken);
      return result;
    },
    onSuccess: (result, passkey) => onRemoved(result, passkey.name),
  });
  const removeError =
    remove.isError && !isStepUpCancelled(remove.error)
      ? describeError(remove.error, undefined, "passkey")
      : null;

  const keyCount = status?.keys ?? keys.data?.length;
  const lastKey = (keys.data?.length ?? keyCount ?? 0) <= 1;

  async function handleAdded(result: FinishPasskeyRegistrationResult) {
    await onAdded(result, !enabled);
    setAdding(false);
  }

  // With 2FA on, "Confirm it's you" comes before the key's name and the browser's prompt,
  // not on top of them: the server refuses to start a registration without it.
  function startAdding() {
    if (!twoFactorOn) return setAdding(true);
    withStepUp(async () => setAdding(true)).catch((error: unknown) => {
      if (!isStepUpCancelled(error)) throw error;
    });
  }

  const addButton = (
    <button type="button" className="button" onClick={startAdding}>
      {enabled ? (
        t("security.passkeys.addButton")
      ) : (
        <ActionLabel label={t("security.enableButton")} method={t("methods.passkey")} />
      )}
    </button>
  );

  return (
    <MethodRow
      name={t("methods.passkey")}
      status={status}
      loading={loading}
      detail={keyCount === undefined ? "" : t("security.keyCount", { count: keyCount })}
      action={
        loading ? null : enabled ? (
          <>
            {addButton}
            {disable.button}
          </>
        ) : (
          addButton
        )
      }
    >
      {disable.alert}
      {removeError && (
        <p key={remove.submittedAt} role="alert" className="alert alert-error method-alert">
          {removeError}
        </p>
      )}
      {enabled && !loading && (
        <PasskeyList
          passkeys={keys.data}
          pending={keys.isPending}
          failed={keys.isError}
          onRetry={() => void keys.refetch()}
          removingId={remove.isPending ? remove.variables?.id : undefined}
          onRename={setRenaming}
          onRemove={(passkey) => {
            if (!remove.isPending) setConfirmingRemove(passkey);
          }}
        />
      )}
      {adding && <AddPasskeyDialog onAdded={handleAdded} onCancel={() => setAdding(false)} />}
      {renaming && (
        <RenamePasskeyDialog
          passkey={renaming}
          onRenamed={(result) => {
            setRenaming(null);
            onRenamed(result);
          }}
          onCancel={() => setRenaming(null)}
        />
      )}
      {confirmingRemove && (
        <ConfirmWithStepUpDialog
          title={t("security.passkeys.removeConfirmTitle", { name: confirmingRemove.name })}
          body={
            !lastKey
              ? t("security.passkeys.removeConfirmBody")
              : onlyEnabledMethod
                ? t("security.passkeys.removeLastMethodConfirmBody")
                : t("security.passkeys.removeLastConfirmBody")
          }
          confirmLabel={t("security.passkeys.removeConfirmButton")}
          danger
          onConfirm={() => {
            const passkey = confirmingRemove;
            setConfirmingRemove(null);
            remove.mutate(passkey);
          }}
          onCancel={() => setConfirmingRemove(null)}
        />
      )}
      {disable.dialog}
    </MethodRow>
  );
}
