import type { DocumentReference, Transaction } from "firebase-admin/firestore";
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
  const [status, destinations, profile] = await tx.getAll(
    refs.status(uid),
    refs.destinations(uid),
    refs.profile(uid),
  );
  const locale = localeSchema.safeParse(profile?.get("locale"));
  return {
    status: { ...emptyStatus(), ...(status?.data() as TwoFactorStatusDoc | undefined) },
    destinations: (destinations?.data() as DestinationsDoc | undefined) ?? {},
    locale: locale.success ? locale.data : defaultLocale,
  };
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
