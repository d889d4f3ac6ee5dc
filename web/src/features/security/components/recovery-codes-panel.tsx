import { useEffect, useId, useRef, useState } from "react";
import { Modal } from "@/components/modal";
import { formatDateTime } from "@/lib/format-time";
import { useT } from "@/lib/i18n";

interface RecoveryCodesDialogProps {
  codes: string[];
  accountEmail: string;
  /** The first method was just enabled: the dialog says so before the codes. */
  justActivated: boolean;
  /** Called once the person confirmed they saved the codes and pressed Continue. */
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
 * Prints the codes alone, from a frame of their own inside `host` (printing the page
 * would print the page under the dialog). The frame stays until the next print or until
 * the dialog goes, since some browsers print after `print()` returns.
 */
function printCodes(host: HTMLElement, title: string, header: string, codes: string[]) {
  host.replaceChildren();
  const frame = document.createElement("iframe");
  frame.title = title;
  frame.tabIndex = -1;
  frame.setAttribute("aria-hidden", "true");
  frame.className = "visually-hidden";
  host.append(frame);
  const printed = frame.contentDocument;
  const view = frame.contentWindow;
  if (!printed || !view) return;
  printed.title = title;
  printed.documentElement.lang = document.documentElement.lang;
  const heading = printed.createElement("h1");
  heading.textContent = title;
  const intro = printed.createElement("p");
  intro.textContent = header;
  intro.style.whiteSpace = "pre-line";
  const list = printed.createElement("ol");
  list.style.fontFamily = "ui-monospace, Menlo, Consolas, monospace";
  list.style.fontSize = "14pt";
  list.style.lineHeight = "1.8";
  for (const code of codes) {
    const item = printed.createElement("li");
    item.textContent = code;
    list.append(item);
  }
  printed.body.append(heading, intro, list);
  view.focus();
  view.print();
}

/**
 * The recovery codes, in a step of their own (after the first method is enabled, or after
 * new codes are generated): only their hashes exist on the server, so this is the one
 * chance to copy, download, print or write them down. The dialog closes only through
 * Continue, and only once the person ticked that they saved them; Escape does not lose it.
 */
export function RecoveryCodesDialog({
  codes,
  accountEmail,
  justActivated,
  onDone,
}: RecoveryCodesDialogProps) {
  const t = useT();
  const ids = useId();
  const titleId = `${ids}-title`;
  const introId = `${ids}-intro`;
  const checkboxId = `${ids}-saved`;
  const errorId = `${ids}-saved-error`;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const checkboxRef = useRef<HTMLInputElement>(null);
  const printHostRef = useRef<HTMLDivElement>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const [saved, setSaved] = useState(false);
  const [needsSaved, setNeedsSaved] = useState(false);
  // A browser may close a modal on a repeated Escape whatever the page says: it then opens
  // again, with everything ticked or copied so far kept.
  const [opening, setOpening] = useState(0);

  useEffect(() => headingRef.current?.focus(), [opening]);

  async function copyCodes() {
    try {
      await navigator.clipboard.writeText(codes.join("\n"));
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }

  const fileHeader = () =>
    t("security.downloadFileHeader", {
      product: t("app.productName"),
      account: accountEmail,
      date: formatDateTime(Date.now()),
    });

  function download() {
    downloadText(t("security.downloadFileName"), [fileHeader(), "", ...codes, ""].join("\n"));
  }

  function print() {
    if (!printHostRef.current) return;
    printCodes(
      printHostRef.current,
      t("security.printTitle", { product: t("app.productName") }),
      fileHeader(),
      codes,
    );
  }

  function finish() {
    if (saved) {
      onDone();
      return;
    }
    setNeedsSaved(true);
    checkboxRef.current?.focus();
  }

  const showError = needsSaved && !saved;

  return (
    <Modal
      key={opening}
      labelledBy={titleId}
      describedBy={introId}
      dismissible={false}
      onCancel={() => setOpening((count) => count + 1)}
    >
      <div className="stack">
        {justActivated && <p className="alert alert-success">{t("security.activated")}</p>}
        <h2 id={titleId} ref={headingRef} tabIndex={-1}>
          {t("security.saveCodesTitle")}
        </h2>
        <p id={introId}>{t("security.saveCodesIntro")}</p>
        <ol className="recovery-codes" aria-label={t("security.codesListLabel")}>
          {codes.map((code) => (
            <li key={code}>
              <code>{code}</code>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button type="button" className="button" onClick={download}>
            {t("security.downloadButton")}
          </button>
          <button type="button" className="button" onClick={() => void copyCodes()}>
            {t("security.copyCodesButton")}
          </button>
          <button type="button" className="button" onClick={print}>
            {t("security.printButton")}
          </button>
        </div>
        <p aria-live="polite" className="notice">
          {copied === "copied" && t("security.codesCopied")}
          {copied === "failed" && t("security.copyFailed")}
        </p>
        <div className="checkbox-field">
          <input
            ref={checkboxRef}
            id={checkboxId}
            type="checkbox"
            checked={saved}
            onChange={(event) => setSaved(event.target.checked)}
            aria-invalid={showError ? true : undefined}
            aria-describedby={showError ? errorId : undefined}
          />
          <label htmlFor={checkboxId}>{t("security.codesSavedCheckbox")}</label>
          {showError && (
            <p id={errorId} role="alert" className="field-error field-hint">
              {t("security.codesSavedRequired")}
            </p>
          )}
        </div>
        <div className="actions">
          <button type="button" className="button button-primary" onClick={finish}>
            {t("security.codesContinueButton")}
          </button>
        </div>
        <div ref={printHostRef} />
      </div>
    </Modal>
  );
}
