import { product, verificationPolicy, MINUTE_MS } from "@dash2fa/shared";

/** A message in the Trigger Email extension's `mail` document schema. */
export interface MailDoc {
  to: string;
  message: { subject: string; text: string; html: string };
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);

export function verificationEmail(to: string, code: string): MailDoc {
  const minutes = verificationPolicy.codeLifetimeMs / MINUTE_MS;
  const subject = `Your ${product.name} verification code`;
  const lines = [
    `Your ${product.name} verification code is ${code}.`,
    `It expires in ${minutes} minutes. Never share it with anyone.`,
    `Wasn't you? Someone may know your password: change it and review your Security page.`,
  ];
  const html = [
    `<p>Your ${escapeHtml(product.name)} verification code is</p>`,
    `<p style="font-size:28px;font-weight:bold;letter-spacing:4px">${escapeHtml(code)}</p>`,
    `<p>It expires in ${minutes} minutes. Never share it with anyone.</p>`,
    `<p>Wasn't you? Someone may know your password: change it and review your Security page.</p>`,
  ].join("\n");
  return { to, message: { subject, text: lines.join("\n\n"), html } };
}
