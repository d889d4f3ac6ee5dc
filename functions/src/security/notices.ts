import type { Transaction } from "firebase-admin/firestore";
import type { CallContext } from "../context.js";
import { noticeEmail, type NoticeKind } from "../outbound/email.js";
import { queueMail } from "../outbound/queue.js";
import type { UserSecurity } from "./state.js";

/**
 * Emails a security notice to the account address and every enabled email destination
 * (plus `alsoTo`, e.g. the address being removed), each address once.
 */
export function queueNotices(
  tx: Transaction,
  ctx: CallContext,
  security: UserSecurity,
  kind: NoticeKind,
  detail: string,
  alsoTo: (string | undefined)[] = [],
): void {
  const emailEnabled = security.status.methods.email?.enabled;
  const recipients = new Set(
    [ctx.email, emailEnabled ? security.destinations.email : undefined, ...alsoTo].filter(
      (address): address is string => Boolean(address),
    ),
  );
  for (const to of recipients) queueMail(tx, noticeEmail(to, kind, detail, ctx.now), ctx.now);
}

export const methodNames = { email: "email", phone: "phone number (SMS)" } as const;
