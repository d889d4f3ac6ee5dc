import type { DocumentReference, DocumentSnapshot, Transaction } from "firebase-admin/firestore";
import {
  STEP_UP_WINDOW_MS,
  passedSecondStep,
  collections,
  defaultLocale,
  localeSchema,
  type Locale,
  type TwoFactorMethod,
  type TwoFactorStatusDoc,
} from "@dash2fa/shared";
import { db } from "../admin.js";
import type { CallContext } from "../context.js";
import { refusal } from "../errors.js";

/** Full destinations, server-only; the status document holds only masked ones. */
export type DestinationsDoc = Partial<Record<TwoFactorMethod, string>>;

export interface UserSecurity {
  status: TwoFactorStatusDoc;
  destinations: DestinationsDoc;
  /** The language the user chose, for every message sent to them. */
  locale: Locale;
}

export const emptyStatus = (): TwoFactorStatusDoc => ({
  methods: {},
  required: false,
  sessionsValidAfter: 0,
  recoveryCodesRemaining: 0,
});

export const refs = {
  status: (uid: string): DocumentReference => db.collection(collections.twoFactor).doc(uid),
  destinations: (uid: string): DocumentReference =>
    db.collection(collections.twoFactorDestinations).doc(uid),
  profile: (uid: string): DocumentReference => db.collection(collections.users).doc(uid),
  device: (uid: string, deviceId: string) =>
    refs.status(uid).collection(collections.devices).doc(deviceId),
  devices: (uid: string) => refs.status(uid).collection(collections.devices),
  session: (uid: string, sessionId: string) =>
    refs.status(uid).collection(collections.sessions).doc(sessionId),
  sessions: (uid: string) => refs.status(uid).collection(collections.sessions),
  activity: (uid: string) => refs.status(uid).collection(collections.activity),
  passkey: (uid: string, passkeyId: string) =>
    refs.status(uid).collection(collections.passkeys).doc(passkeyId),
  passkeys: (uid: string) => refs.status(uid).collection(collections.passkeys),
};

export async function readUserSecurity(tx: Transaction, uid: string): Promise<UserSecurity> {
  return (await readUserSecurityWith(tx, uid, [])).security;
}

/** Destinations and language: what notices and enrolments need, and little else does. */
export type Contact = Pick<UserSecurity, "destinations" | "locale">;

const contactRefs = (uid: string) => [refs.destinations(uid), refs.profile(uid)];

function toContact(
  destinations: DocumentSnapshot | undefined,
  profile: DocumentSnapshot | undefined,
): Contact {
  const locale = localeSchema.safeParse(profile?.get("locale"));
  return {
    destinations: (destinations?.data() as DestinationsDoc | undefined) ?? {},
    locale: locale.success ? locale.data : defaultLocale,
  };
}

/**
 * A user's state read without the contact documents: asking it for them is a mistake
 * that throws, never a message sent to no one or in the wrong language.
 */
function withoutContact(status: TwoFactorStatusDoc): UserSecurity {
  const unread = (): never => {
    throw new Error("destinations and language were not read for this call");
  };
  return Object.defineProperties({ status } as UserSecurity, {
    destinations: { get: unread, enumerable: false },
    locale: { get: unread, enumerable: false },
  });
}

/**
 * The user's state and the call's other documents (`more`, answered in their order) in
 * one `getAll`: one round trip to Firestore instead of one per group of documents. With
 * `contact: false` only the status is read of the user's own documents; `addContact`
 * reads the rest later, if the call turns out to need it.
 */
export async function readUserSecurityWith(
  tx: Transaction,
  uid: string,
  more: DocumentReference[],
  { contact = true }: { contact?: boolean } = {},
): Promise<{ security: UserSecurity; snapshots: (DocumentSnapshot | undefined)[] }> {
  const own = contact ? [refs.status(uid), ...contactRefs(uid)] : [refs.status(uid)];
  const all = await tx.getAll(...own, ...more);
  const [status, destinations, profile] = all;
  // No session is ever started without writing the status (`startSession`), so an
  // account without one has no session that could still be live.
  const statusDoc: TwoFactorStatusDoc = status?.exists
    ? { ...emptyStatus(), ...(status.data() as TwoFactorStatusDoc) }
    : { ...emptyStatus(), sessionsLiveUntil: 0 };
  return {
    security: contact
      ? { status: statusDoc, ...toContact(destinations, profile) }
      : withoutContact(statusDoc),
    snapshots: all.slice(own.length),
  };
}

/** The same state with the contact documents read now (in the transaction, before writes). */
export async function addContact(
  tx: Transaction,
  uid: string,
  security: UserSecurity,
): Promise<UserSecurity> {
  const [destinations, profile] = await tx.getAll(...contactRefs(uid));
  return { status: security.status, ...toContact(destinations, profile) };
}

/** A session of a 2FA user that has not done the second step may manage nothing. */
export function requireSecondStep(security: UserSecurity, ctx: CallContext): void {
  if (!passedSecondStep(security.status, ctx.claims)) {
    throw refusal({ reason: "second-step-required" });
  }
}

/**
 * The step-up guard: sensitive changes need a code or recovery code verified within
 * STEP_UP_WINDOW_MS. A remembered device is not a verification (its `mfaAt` is 0).
 */
export function requireRecentVerification(ctx: CallContext): void {
  const verifiedAtMs = (ctx.claims.mfaAt ?? 0) * 1000;
  if (ctx.now - verifiedAtMs > STEP_UP_WINDOW_MS) {
    throw refusal({ reason: "step-up-required" });
  }
}
