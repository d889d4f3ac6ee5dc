import { afterEach, describe, expect, it } from "vitest";
import { acceptedOrigin } from "../src/passkeys/relying-party.js";

const clientData = (origin: unknown) =>
  Buffer.from(JSON.stringify({ type: "webauthn.get", challenge: "x", origin })).toString(
    "base64url",
  );

describe("the origins a passkey answer may come from", () => {
  const saved = process.env.FUNCTIONS_EMULATOR;
  afterEach(() => {
    if (saved === undefined) delete process.env.FUNCTIONS_EMULATOR;
    else process.env.FUNCTIONS_EMULATOR = saved;
  });

  it("is the web app's own https origin in production, nothing else", () => {
    delete process.env.FUNCTIONS_EMULATOR;
    const rp = "dash.example.com";
    expect(acceptedOrigin(clientData("https://dash.example.com"), rp)).toBe(
      "https://dash.example.com",
    );
    for (const origin of [
      "http://dash.example.com",
      "https://dash.example.com.evil.test",
      "https://evil.test",
      "https://sub.dash.example.com",
      "http://localhost:5173",
      42,
    ]) {
      expect(acceptedOrigin(clientData(origin), rp)).toBeUndefined();
    }
    expect(acceptedOrigin("not base64 json", rp)).toBeUndefined();
  });

  it("adds localhost on any port only inside the emulator", () => {
    process.env.FUNCTIONS_EMULATOR = "true";
    expect(acceptedOrigin(clientData("http://localhost:4173"), "localhost")).toBe(
      "http://localhost:4173",
    );
    expect(acceptedOrigin(clientData("http://127.0.0.1:4173"), "localhost")).toBeUndefined();
    expect(acceptedOrigin(clientData("http://localhost.evil.test"), "localhost")).toBeUndefined();
    delete process.env.FUNCTIONS_EMULATOR;
    expect(acceptedOrigin(clientData("http://localhost:4173"), "localhost")).toBeUndefined();
  });
});
