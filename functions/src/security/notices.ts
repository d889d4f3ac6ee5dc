import type { Transaction } from "firebase-admin/firestore";
import type { TwoFactorMethod } from "@dash2fa/shared";
import type { CallContext } from "../context.js";
import { noticeEmail, type NoticeKind } from "../outbound/email.js";
import { queueMail } from "../outbound/queue.js";
import { texts } from "../outbound/texts.js";
import { webOrigin } from "../runtime.js";
import type { UserSecurity } from "./state.js";

/**
 * Emails a security notice, in the user's language, to the account address and every
 * enabled email destination (plus `alsoTo`, e.g. the address being removed), each
 * address once, with a link to the Security page. `detail` picks the words for the
 * user's language.
 */
export function queueNotices(
  tx: Transaction,
  ctx: CallContext,
  security: UserSecurity,
  kind: NoticeKind,
  detail: (words: (typeof texts)["en"]) => string,
  alsoTo: (string | undefined)[] = [],
): void {
  const emailEnabled = security.status.methods.email?.enabled;
  const recipients = new Set(
    [ctx.email, emailEnabled ? security.destinations.email : undefined, ...alsoTo].filter(
      (address): address is string => Boolean(address),
    ),
  );
  const words = detail(texts[security.locale]);
  for (const to of recipients) {
    queueMail(
      tx,
      noticeEmail(to, kind, words, ctx.now, security.locale, `${webOrigin()}/security`),
      ctx.now,
    );
  }
}

/** The method's name as a notice says it. */
export const methodName =
  (method: TwoFactorMethod) =>
  (words: (typeof texts)["en"]): string =>
    words.methodNames[method];

/**
 * The `method-removed` notice's words: the method that went, and the methods that still
 * protect the account (never empty: without one, 2FA is off and `method-disabled` says so).
 */
export const removedMethod =
  (method: TwoFactorMethod, stillOn: TwoFactorMethod[]) =>
  (words: (typeof texts)["en"]): string =>
    words.methodRemoved(
      words.methodNames[method],
      words.list(stillOn.map((other) => words.methodNames[other])),
    );
