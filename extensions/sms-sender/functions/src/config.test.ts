import { describe, expect, it } from "vitest";
import { readConfig, statusCallbackUrl } from "./config.js";

const env = {
  LOCATION: "europe-west1",
  MESSAGE_COLLECTION: "messages",
  SMS_PROVIDER: "twilio",
  TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
  TWILIO_AUTH_TOKEN: "secret",
  TWILIO_MESSAGING_SERVICE_SID: "MG00000000000000000000000000000000",
  PROJECT_ID: "demo-x",
  EXT_INSTANCE_ID: "sms-sender",
  CODE_PATTERN: "\\b\\d{6}\\b",
};

describe("statusCallbackUrl", () => {
  const where = { projectId: "demo-x", location: "europe-west1", instanceId: "sms-sender" };

  it("is the deployed function's URL", () => {
    expect(statusCallbackUrl({ ...where, emulator: false })).toBe(
      "https://europe-west1-demo-x.cloudfunctions.net/ext-sms-sender-statusCallback",
    );
  });

  it("is the Functions emulator's URL in the emulator", () => {
    expect(statusCallbackUrl({ ...where, emulator: true })).toBe(
      "http://127.0.0.1:5001/demo-x/europe-west1/ext-sms-sender-statusCallback",
    );
  });

  it("is the configured URL when one is set", () => {
    expect(statusCallbackUrl({ ...where, emulator: true, override: "https://x.example/cb" })).toBe(
      "https://x.example/cb",
    );
  });
});

describe("readConfig", () => {
  it("reads the params with their defaults", () => {
    const config = readConfig(env);
    expect(config).toMatchObject({
      database: "(default)",
      collection: "messages",
      provider: "twilio",
      twilio: { apiBaseUrl: "https://api.twilio.com", from: undefined },
      policy: { maxAttempts: 3 },
    });
    expect(config.policy.leaseMs).toBeGreaterThan(config.providerTimeoutMs);
    expect("code 123456 #123456".replace(config.codePattern!, "x")).toBe("code x #x");
  });

  it("keeps bodies when no code pattern is set", () => {
    expect(readConfig({ ...env, CODE_PATTERN: "" }).codePattern).toBeNull();
  });

  it.each([
    [{ SMS_PROVIDER: "carrier-pigeon" }, /SMS_PROVIDER must be one of twilio/],
    [{ TWILIO_MESSAGING_SERVICE_SID: "" }, /TWILIO_PHONE_NUMBER or TWILIO_MESSAGING_SERVICE_SID/],
    [{ TWILIO_AUTH_TOKEN: " " }, /TWILIO_AUTH_TOKEN param is not set/],
    [{ MAX_ATTEMPTS: "0" }, /MAX_ATTEMPTS/],
    [{ MAX_ATTEMPTS: "2.5" }, /MAX_ATTEMPTS/],
    [{ CODE_PATTERN: "(" }, /Invalid regular expression/],
  ])("refuses %j", (change, message) => {
    expect(() => readConfig({ ...env, ...change })).toThrow(message);
  });
});
