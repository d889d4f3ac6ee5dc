import { product, type Locale } from "@dash2fa/shared";
import { formatWhen, texts } from "./texts.js";

/** A message in the Trigger Email extension's `mail` document schema. */
export interface MailDoc {
  to: string;
  message: { subject: string; text: string; html: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

/** A paragraph, or one whose `link` (an address it contains) is clickable in the HTML. */
type Paragraph = string | { text: string; link: string };

function paragraphHtml(paragraph: Paragraph): string {
  if (typeof paragraph === "string") return escapeHtml(paragraph);
  const { text, link } = paragraph;
  const at = text.indexOf(link);
  if (at < 0) return escapeHtml(text);
  const anchor = `<a href="${escapeHtml(link)}" style="color:${product.colors.accent}">${escapeHtml(link)}</a>`;
  return escapeHtml(text.slice(0, at)) + anchor + escapeHtml(text.slice(at + link.length));
}

/** Text and HTML from the same paragraphs; the HTML uses the product's colours. */
function email(
  to: string,
  subject: string,
  paragraphs: Paragraph[],
  locale: Locale,
  highlight?: string,
): MailDoc {
  const { colors } = product;
  const html = paragraphs.map((p) => `<p style="margin:0 0 16px">${paragraphHtml(p)}</p>`);
  if (highlight) {
    html.splice(
      1,
      0,
      `<p style="margin:0 0 16px;font-size:28px;font-weight:bold;letter-spacing:4px;color:${colors.accent}">${escapeHtml(highlight)}</p>`,
    );
  }
  const body = [
    `<!doctype html><html lang="${locale}"><body style="margin:0;background:${colors.background}">`,
    `<div style="max-width:480px;margin:0 auto;padding:24px;font-family:system-ui,sans-serif;color:${colors.text}">`,
    `<p style="margin:0 0 24px;font-weight:bold;color:${colors.accent}">${escapeHtml(texts[locale].productName)}</p>`,
    ...html,
    `</div></body></html>`,
  ].join("\n");
  const text = paragraphs.map((p) => (typeof p === "string" ? p : p.text)).join("\n\n");
  return { to, message: { subject, text, html: body } };
}

export function verificationEmail(to: string, code: string, locale: Locale = "en"): MailDoc {
  const t = texts[locale];
  return email(to, t.code.subject, [t.code.intro(code), t.code.expiry, t.wasntYou], locale, code);
}

/** The link to choose a new password; it carries a single-use token, never the password. */
export function passwordResetEmail(to: string, link: string, locale: Locale = "en"): MailDoc {
  const t = texts[locale];
  return email(
    to,
    t.reset.subject,
    [t.reset.intro, { text: link, link }, t.reset.expiry, t.reset.ignore],
    locale,
  );
}

export type NoticeKind = keyof (typeof texts)["en"]["notices"];

/**
 * A security notice: what changed, when, what to do if it wasn't the user, and the link
 * to the Security page where they can do it.
 */
export function noticeEmail(
  to: string,
  kind: NoticeKind,
  detail: string,
  at: number,
  locale: Locale,
  securityPageUrl: string,
): MailDoc {
  const t = texts[locale];
  const notice = t.notices[kind];
  return email(
    to,
    `${t.productName}: ${notice.subject}`,
    [
      notice.body(detail),
      t.when(formatWhen(at, locale)),
      t.wasntYou,
      { text: t.securityPage(securityPageUrl), link: securityPageUrl },
    ],
    locale,
  );
}
