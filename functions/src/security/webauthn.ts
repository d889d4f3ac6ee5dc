/**
 * `@simplewebauthn/server`, loaded on first use. Every function of this codebase loads
 * the same module graph when its instance starts, and this library alone took about a
 * second of that on a 2-core machine, for the passkey callables only: loaded eagerly, it
 * slowed the first call of every function (a recovery-code sign-in among them).
 */
type WebAuthn = typeof import("@simplewebauthn/server");

let loading: Promise<WebAuthn> | undefined;

export function webauthn(): Promise<WebAuthn> {
  loading ??= import("@simplewebauthn/server");
  return loading;
}
