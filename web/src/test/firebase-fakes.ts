import { vi, type Mock } from "vitest";
import type { TwoFactorMethod, TwoFactorStatusDoc } from "@dash2fa/shared";
import type { CallableName } from "@dash2fa/shared/contract";

/**
 * The Firebase SDK's edges as component tests fake them: the callables, the signed-in user
 * and the 2FA status document. Everything between them and the component is the app's own.
 *
 * A test keeps its `vi.mock` calls (Vitest hoists them above the imports), and each factory
 * imports this module itself and passes it the SDK module it replaces, for example:
 *
 *     vi.mock("firebase/functions", async (importOriginal) =>
 *       (await import("@/test/firebase-fakes")).withFakeCallables(await importOriginal(), server),
 *     );
 *
 * This module imports nothing from the SDK at run time, so it can load while the SDK's
 * modules are being replaced.
 */

/** One callable on the fake server: what it answers for the input it was called with. */
export type CallableHandler = (input: unknown) => unknown;

/**
 * A callable the app calls: one of the contract's, or the emulator's own reset of the
 * sending limits, which like the outbox stays outside the contract.
 */
type FakeCallableName = CallableName | "devResetLimits";

/** The callables a test answers, each a mock it sets and inspects. */
export type FakeServer = Partial<Record<FakeCallableName, Mock<CallableHandler>>>;

/**
 * "firebase/functions" with every callable answered by the handler `server` has for its
 * name. A callable the test did not give a handler fails, as one the server lacks would.
 */
export function withFakeCallables<Functions extends object>(
  original: Functions,
  server: FakeServer,
) {
  return {
    ...original,
    httpsCallable: (_functions: unknown, name: FakeCallableName) => async (input: unknown) => {
      const handler = server[name];
      if (!handler) throw new Error(`The fake server has no callable "${name}".`);
      return { data: await handler(input) };
    },
  };
}

/**
 * The callables behind a code sent to be typed in: sending it, checking it, and asking
 * whether the message was delivered. A test creates them in `vi.hoisted`, awaited, since
 * its mocks need them before its imports run:
 *
 *     const server = await vi.hoisted(async () =>
 *       (await import("@/test/firebase-fakes")).codeCallables(),
 *     );
 */
export function codeCallables() {
  return {
    sendVerificationCode: vi.fn<CallableHandler>(),
    verifyCode: vi.fn<CallableHandler>(),
    getDeliveryStatus: vi.fn<CallableHandler>(),
  } satisfies FakeServer;
}

/** Forgets every handler's answers and calls, so none carries over to the next test. */
export function resetServer(server: FakeServer) {
  for (const handler of Object.values(server)) handler.mockReset();
}

/** Now, as an ID token's `mfaAt` claim counts it: a verification made this moment. */
export const justVerified = () => ({ mfaAt: Math.floor(Date.now() / 1000) });

/**
 * Ana as "firebase/auth" gives her to the app: her ID token's claims come from `claims`
 * each time they are read (none: signed in with the password only).
 */
export function fakeUser({
  email,
  claims = () => ({}),
}: { email?: string; claims?: () => Record<string, unknown> } = {}) {
  return {
    uid: "ana",
    ...(email === undefined ? {} : { email }),
    getIdTokenResult: async () => ({ claims: claims() }),
  };
}

/**
 * "firebase/auth" with `signedIn` told to every ID token listener at once, and custom-token
 * sign-in (the session re-issued after a verification) answered by `signInWithCustomToken`.
 * What is not given stays the SDK's own.
 */
export function withFakeAuth<Auth extends object>(
  original: Auth,
  fakes: {
    signedIn?: object;
    signInWithCustomToken?: (...args: never[]) => Promise<{ user: object }>;
  },
) {
  const { signedIn, signInWithCustomToken } = fakes;
  return {
    ...original,
    ...(signedIn && {
      onIdTokenChanged: (_auth: unknown, next: (user: unknown) => void) => {
        next(signedIn);
        return () => undefined;
      },
    }),
    ...(signInWithCustomToken && { signInWithCustomToken }),
  };
}

/**
 * The 2FA status document as Firestore holds it: `status` undefined is no document yet;
 * while `pending` is unsettled, reads wait for it.
 */
export interface StoredStatus {
  status: TwoFactorStatusDoc | undefined;
  pending?: Promise<void> | undefined;
}

/**
 * "firebase/firestore/lite" where every document read is `stored`'s status and every
 * query finds nothing.
 */
export function withFakeStatusDocument<Firestore extends object>(
  original: Firestore,
  stored: StoredStatus,
) {
  return {
    ...original,
    getDoc: async () => {
      await stored.pending;
      return { exists: () => stored.status !== undefined, data: () => stored.status };
    },
    getDocs: async () => ({ docs: [] }),
  };
}

/**
 * A status with `methods` enabled (email's codes going to a•••@example.com), 2FA on when
 * there is any, and all ten recovery codes left; `extra` sets any other field.
 */
export function statusWith(
  methods: TwoFactorMethod[],
  extra: Partial<TwoFactorStatusDoc> = {},
): TwoFactorStatusDoc {
  return {
    methods: Object.fromEntries(
      methods.map((method) => [
        method,
        {
          enabled: true,
          maskedDestination: method === "email" ? "a•••@example.com" : "",
          enabledAt: 1,
        },
      ]),
    ),
    required: methods.length > 0,
    sessionsValidAfter: 0,
    recoveryCodesRemaining: methods.length > 0 ? 10 : 0,
    ...extra,
  };
}
