import { createHash, randomBytes } from "node:crypto";
import { getAuth } from "firebase-admin/auth";
import { Timestamp, type DocumentReference, type Transaction } from "firebase-admin/firestore";
import {
  collections,
  defaultLocale,
  localeSchema,
  passwordPolicy,
  sendLimits,
  type ChangePasswordResult,
  type CompletePasswordResetResult,
  type RequestPasswordResetResult,
} from "@dash2fa/shared";
import { db } from "../admin.js";
import { define } from "../callable.js";
import { callContext, callerOf, type CallContext } from "../context.js";
import { refusal, transaction } from "../errors.js";
import { passwordResetEmail, type NoticeKind } from "../outbound/email.js";
import { queueMail } from "../outbound/queue.js";
import { webOrigin } from "../runtime.js";
import { recordActivity } from "../security/activity.js";
import { queueNotices } from "../security/notices.js";
import { authorizeChange, claimsAfterChange, sessionIdOf } from "../security/policy.js";
import {
  checkIpLimit,
  checkWindow,
  countIpSend,
  destinationKey,
  readSends,
  recordSend,
} from "../security/rate-limit.js";
import {
  endOtherSessions,
  keepSessionThroughChange,
  sessionsMayLive,
  validAfterChange,
} from "../security/session.js";
import { readUserSecurity, refs, type UserSecurity } from "../security/state.js";

/**
 * The password's life: changing it (the current password and, with 2FA on, a step-up)
 * and resetting it through an emailed link. Either way every other session ends,
 * remembered devices are forgotten, a notice goes out, and the next sign-in still asks
 * for the second step; after a reset by email, by a method other than email.
 */

type PasswordEvent = Extract<NoticeKind, "password-changed" | "password-reset">;

/**
 * Inside the transaction that records the change: everything a new password ends. Says
 * whether email is barred from the next second step, and, with 2FA on, the
 * `sessionsValidAfter` written.
 */
function afterNewPassword(
  tx: Transaction,
  ctx: CallContext,
  security: UserSecurity,
  devices: DocumentReference[],
  event: PasswordEvent,
  now: number,
): { emailBarred: boolean; validAfter?: number } {
  const emailBarred = event === "password-reset" && security.status.methods.email?.enabled === true;
  const validAfter = security.status.required ? validAfterChange(now, security.status) : undefined;
  if (validAfter !== undefined) {
    tx.set(
      refs.status(ctx.uid),
      {
        sessionsValidAfter: validAfter,
        ...(emailBarred ? { emailBarredAfterReset: true } : {}),
      },
      { merge: true },
    );
  }
  for (const device of devices) tx.delete(device);
  recordActivity(tx, ctx.uid, { type: event, at: now, browser: ctx.browser });
  queueNotices(tx, ctx, security, event, (words) => words.passwordNoticeDetail);
  return { emailBarred, ...(validAfter !== undefined ? { validAfter } : {}) };
}

/**
 * Changes the caller's password. The current one is proven by an ID token from signing
 * in with it moments ago in a throwaway client (`passwordProof`), so the session itself
 * keeps its claims; with 2FA on, a recent verification is needed too.
 */
export const changePassword = define("changePassword", async (input, request) => {
  const ctx = callContext(request);
  const proof = await getAuth()
    .verifyIdToken(input.passwordProof)
    .catch(() => undefined);
  const proven =
    proof !== undefined &&
    proof.uid === ctx.uid &&
    proof.firebase.sign_in_provider === "password" &&
    ctx.now - proof.auth_time * 1000 <= passwordPolicy.proofMaxAgeMs;
  if (!proven) throw refusal({ reason: "wrong-password" });

  // Who may change it is decided before the password changes, and recorded after.
  await transaction(async (tx) => {
    const read = await readUserSecurity(tx, ctx.uid);
    authorizeChange("change-password", read, ctx);
    return read;
  });
  await getAuth().updateUser(ctx.uid, { password: input.newPassword });
  const { validAfter, recorded } = await transaction(async (tx) => {
    const now = Date.now();
    const fresh = await readUserSecurity(tx, ctx.uid);
    const devices = (await tx.get(refs.devices(ctx.uid))).docs.map((snap) => snap.ref);
    const changed = afterNewPassword(tx, ctx, fresh, devices, "password-changed", now);
    return { ...changed, recorded: sessionsMayLive(fresh.status, now) };
  });
  // The caller's own refresh token is revoked with the others: a new session, past the
  // second step as before (its verification time kept), or a plain one without 2FA.
  if (validAfter !== undefined) {
    const customToken = await keepSessionThroughChange(
      ctx.uid,
      claimsAfterChange(ctx, ctx.claims.mfa ?? "email", validAfter, sessionIdOf(ctx)),
      { recorded },
    );
    return { customToken } satisfies ChangePasswordResult;
  }
  const sessionId = ctx.claims.sid;
  const [customToken] = await Promise.all([
    getAuth().createCustomToken(ctx.uid),
    endOtherSessions(ctx.uid, sessionId ? { keep: sessionId } : {}, { recorded }),
  ]);
  return { customToken } satisfies ChangePasswordResult;
});

const sha256 = (value: string) => createHash("sha256").update(value).digest("base64url");
const resetRef = (token: string) => db.collection(collections.passwordResets).doc(sha256(token));
const resetLimitRef = (email: string) =>
  db.collection(collections.rateLimits).doc(`reset_${sha256(destinationKey("email", email))}`);

/** Where the emailed link points: the web app's reset page. */
function resetLink(token: string): string {
  return `${webOrigin()}/reset-password?token=${token}`;
}

/**
 * Emails a single-use link to choose a new password. The answer is the same whether or
 * not the address has an account, and whether or not this address's hourly quota was
 * spent (a refusal there would tell that someone asked before); only the per-IP limit,
 * which says nothing about the address, is refused openly.
 */
export const requestPasswordReset = define("requestPasswordReset", async ({ email }, request) => {
  const caller = callerOf(request);
  const ipCheck = await checkIpLimit(caller.ip, caller.now);
  if (ipCheck.refusal) throw refusal(ipCheck.refusal);
  const user = await getAuth()
    .getUserByEmail(email)
    .catch(() => undefined);

  await transaction(async (tx) => {
    const now = Date.now();
    const limitRef = resetLimitRef(email);
    const [limitSnap, profile] = await tx.getAll(
      limitRef,
      db.collection(collections.users).doc(user?.uid ?? "-"),
    );
    const requests = readSends(limitSnap);
    if (checkWindow(requests, now, sendLimits.passwordResetsPerAddress) !== undefined) return;
    tx.set(limitRef, recordSend(requests, now));
    if (!user?.email) return;
    const token = randomBytes(32).toString("base64url");
    tx.set(resetRef(token), {
      uid: user.uid,
      createdAt: now,
      expiresAt: Timestamp.fromMillis(now + passwordPolicy.resetLinkLifetimeMs),
    });
    const locale = localeSchema.safeParse(profile?.get("locale"));
    queueMail(
      tx,
      passwordResetEmail(
        user.email,
        resetLink(token),
        locale.success ? locale.data : defaultLocale,
      ),
      now,
    );
  });
  await countIpSend(ipCheck);
  return { accepted: true } satisfies RequestPasswordResetResult;
});

interface ResetDoc {
  uid: string;
  createdAt: number;
  expiresAt: Timestamp;
}

/**
 * Sets the new password for the link's account. The link works once and for
 * `passwordPolicy.resetLinkLifetimeMs`; it is spent in the transaction that records the
 * reset, so two tabs cannot both use it.
 */
export const completePasswordReset = define("completePasswordReset", async (input, request) => {
  const caller = callerOf(request);
  const ref = resetRef(input.token);

  const outcome = await transaction(async (tx) => {
    const now = Date.now();
    const snap = await tx.get(ref);
    const reset = snap.data() as ResetDoc | undefined;
    if (!reset || now >= reset.expiresAt.toMillis()) {
      throw refusal({ reason: "reset-link-invalid" });
    }
    const user = await getAuth().getUser(reset.uid);
    const security = await readUserSecurity(tx, reset.uid);
    const devices = (await tx.get(refs.devices(reset.uid))).docs.map((d) => d.ref);
    tx.delete(ref);
    const ctx: CallContext = {
      uid: reset.uid,
      email: user.email,
      claims: {},
      ip: caller.ip,
      browser: caller.browser,
      now,
    };
    const { emailBarred } = afterNewPassword(tx, ctx, security, devices, "password-reset", now);
    return { uid: reset.uid, emailBarred, recorded: sessionsMayLive(security.status, now) };
  });
  await getAuth().updateUser(outcome.uid, { password: input.newPassword });
  await endOtherSessions(outcome.uid, {}, { recorded: outcome.recorded });
  return { emailBarred: outcome.emailBarred } satisfies CompletePasswordResetResult;
});
