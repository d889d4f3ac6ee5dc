/** Reads an emulator address that `firebase emulators:exec` put in the environment. */
export function emulatorHost(variable: "FIRESTORE_EMULATOR_HOST" | "FIREBASE_AUTH_EMULATOR_HOST") {
  const value = process.env[variable];
  if (!value) throw new Error(`${variable} is not set: run this suite through npm test`);
  const [host = "127.0.0.1", port] = value.split(":");
  return { host, port: Number(port) };
}
