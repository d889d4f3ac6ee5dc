import { useEffect, useId, useRef, useState } from "react";
import { formatDateTime } from "@/lib/format-time";
import { useT } from "@/lib/i18n";

interface RecoveryCodesPanelProps {
  codes: string[];
  accountEmail: string;
  /** Move focus to the panel when it appears (when nothing else announces it). */
  focusOnShow: boolean;
  onDone: () => void;
}

function downloadText(fileName: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type: "text/plain;charset=utf-8" }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // Some browsers start the download after the click handler returns.
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * The recovery codes, shown once (after the first method is enabled, or after new codes
 * are generated): only their hashes exist on the server, so this is the one chance to
 * copy, download or write them down.
 */
export function RecoveryCodesPanel({
  codes,
  accountEmail,
  focusOnShow,
  onDone,
}: RecoveryCodesPanelProps) {
  const t = useT();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);

  useEffect(() => {
    if (focusOnShow) headingRef.current?.focus();
  }, [focusOnShow]);

  async function copyCodes() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  function download() {
    const header = t("security.downloadFileHeader", {
      product: t("app.productName"),
      account: accountEmail,
      date: formatDateTime(Date.now()),
    });
    downloadText(t("security.downloadFileName"), [header, "", ...codes, ""].join("\n"));
  }

  return (
    <section className="codes-panel stack" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        {t("security.saveCodesTitle")}
      </h3>
      <p>{t("security.saveCodesIntro")}</p>
      <ol className="recovery-codes" aria-label={t("security.codesListLabel")}>
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <div className="actions">
        <button type="button" className="button" onClick={() => void copyCodes()}>
          {t("security.copyCodesButton")}
        </button>
        <button type="button" className="button" onClick={download}>
          {t("security.downloadButton")}
        </button>
        <button type="button" className="button button-primary" onClick={onDone}>
          {t("security.savedCodesButton")}
        </button>
      </div>
      <p aria-live="polite" className="notice">
        {copied === "copied" && t("security.codesCopied")}
        {copied === "failed" && t("security.copyFailed")}
      </p>
    </section>
  );
}
