import { useId } from "react";
import { ListSkeleton } from "@/components/list-skeleton";
import { formatDateTime, isoDateTime } from "@/lib/format-time";
import { useT } from "@/lib/i18n";
import type { Passkey } from "../api/get-passkeys";

function DateDetail({ term, epochMs }: { term: string; epochMs: number | undefined }) {
  const t = useT();
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        {epochMs === undefined ? (
          t("security.passkeys.neverUsed")
        ) : (
          <time dateTime={isoDateTime(epochMs)}>{formatDateTime(epochMs)}</time>
        )}
      </dd>
    </div>
  );
}

interface PasskeyItemProps {
  passkey: Passkey;
  removing: boolean;
  onRename: () => void;
  onRemove: () => void;
}

function PasskeyItem({ passkey, removing, onRename, onRemove }: PasskeyItemProps) {
  const t = useT();
  const nameId = useId();
  return (
    <li className="list-item" aria-labelledby={nameId}>
      <div className="list-item-main">
        <h4 id={nameId} className="passkey-name">
          {passkey.name}
        </h4>
        {passkey.attachment && (
          <p className="muted">{t(`security.passkeys.attachment.${passkey.attachment}`)}</p>
        )}
        <dl className="details">
          <DateDetail term={t("security.passkeys.addedColumn")} epochMs={passkey.createdAt} />
          <DateDetail term={t("security.passkeys.lastUsedColumn")} epochMs={passkey.lastUsedAt} />
        </dl>
      </div>
      <div className="actions">
        <button type="button" className="button" aria-describedby={nameId} onClick={onRename}>
          {t("security.passkeys.renameButton")}
        </button>
        <button
          type="button"
          className="button button-danger-quiet"
          aria-describedby={nameId}
          aria-busy={removing}
          onClick={onRemove}
        >
          {t("security.passkeys.removeButton")}
        </button>
      </div>
    </li>
  );
}

interface PasskeyListProps {
  passkeys: Passkey[] | undefined;
  pending: boolean;
  failed: boolean;
  onRetry: () => void;
  removingId: string | undefined;
  onRename: (passkey: Passkey) => void;
  onRemove: (passkey: Passkey) => void;
}

/** The registered keys, each with its dates, Rename and Remove. */
export function PasskeyList({
  passkeys,
  pending,
  failed,
  onRetry,
  removingId,
  onRename,
  onRemove,
}: PasskeyListProps) {
  const t = useT();
  const label = t("security.passkeys.listLabel");
  if (pending) {
    return (
      <div className="passkeys" aria-busy="true">
        <ListSkeleton
          rows={1}
          lines={1}
          details={2}
          trailing="button"
          label={t("security.passkeys.loading")}
        />
      </div>
    );
  }
  if (failed || !passkeys) {
    return (
      <div role="alert" className="alert alert-error passkeys">
        <p>{t("security.passkeys.loadFailed")}</p>
        <button type="button" className="button" onClick={onRetry}>
          {t("security.retryButton")}
        </button>
      </div>
    );
  }
  if (passkeys.length === 0) {
    return <p className="muted passkeys">{t("security.passkeys.empty")}</p>;
  }
  return (
    <ul className="list passkeys" aria-label={label}>
      {passkeys.map((passkey) => (
        <PasskeyItem
          key={passkey.id}
          passkey={passkey}
          removing={removingId === passkey.id}
          onRename={() => onRename(passkey)}
          onRemove={() => onRemove(passkey)}
        />
      ))}
    </ul>
  );
}
