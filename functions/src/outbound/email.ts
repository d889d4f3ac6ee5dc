import { MINUTE_MS, product, verificationPolicy } from "@dash2fa/shared";

/** A message in the Trigger Email extension's `mail` document schema. */
export interface MailDoc {
  to: string;
  message: { subject: string; text: string; html: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

const WASNT_YOU =
  "Wasn't you? Someone may know your password: change it and review your Security page.";

function email(to: string, subject: string, paragraphs: string[], highlight?: string): MailDoc {
  const html = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  if (highlight) {
    html.splice(
      1,
      0,
      `<p style="font-size:28px;font-weight:bold;letter-spacing:4px">${escapeHtml(highlight)}</p>`,
    );
  }
  return { to, message: { subject, text: paragraphs.join("\n\n"), html: html.join("\n") } };
}

export function verificationEmail(to: string, code: string): MailDoc {
  const minutes = verificationPolicy.codeLifetimeMs / MINUTE_MS;
  return email(
    to,
    `Your ${product.name} verification code`,
    [
      `Your ${product.name} verification code is ${code}.`,
      `It expires in ${minutes} minutes. Never share it with anyone.`,
      WASNT_YOU,
    ],
    code,
  );
}

export type NoticeKind =
  | "method-enabled"
  | "method-disabled"
  | "destination-changed"
  | "recovery-code-used"
  | "locked-out";

const noticeText: Record<NoticeKind, (detail: string) => [subject: string, body: string]> = {
  "method-enabled": (d) => [
    "Two-factor authentication was turned on",
    `Two-factor authentication by ${d} was turned on for your ${product.name} account.`,
  ],
  "method-disabled": (d) => [
    "Two-factor authentication was turned off",
    `Two-factor authentication by ${d} was turned off for your ${product.name} account.`,
  ],
  "destination-changed": (d) => [
    "Your two-factor authentication details changed",
    `The ${d} used for two-factor authentication on your ${product.name} account was changed.`,
  ],
  "recovery-code-used": (d) => [
    "A recovery code was used",
    `A recovery code was used to verify your ${product.name} account. ${d}`,
  ],
  "locked-out": (d) => [
    "Verification locked after wrong codes",
    `Too many wrong verification codes were entered for your ${product.name} account, so verification is locked. ${d}`,
  ],
};

/** A security notice: what changed, when, and what to do if it wasn't the user. */
export function noticeEmail(to: string, kind: NoticeKind, detail: string, at: number): MailDoc {
  const [subject, body] = noticeText[kind](detail);
  return email(to, `${product.name}: ${subject}`, [
    body,
    `When: ${new Date(at).toUTCString()}.`,
    WASNT_YOU,
  ]);
}
