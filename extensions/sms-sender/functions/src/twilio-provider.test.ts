import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { ProviderError } from "./provider.js";
import { classifyTwilioError, rebaseUri, twilioProvider } from "./twilio-provider.js";

const AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
const URL = "https://europe-west1-demo-x.cloudfunctions.net/ext-sms-sender-statusCallback";
const params = {
  AccountSid: "AC00000000000000000000000000000000",
  MessageSid: "SM0123456789abcdef0123456789abcdef",
  MessageStatus: "delivered",
  To: "+995555123456",
};

const provider = twilioProvider({
  accountSid: params.AccountSid,
  authToken: AUTH_TOKEN,
  messagingServiceSid: "MG00000000000000000000000000000000",
  apiBaseUrl: "https://api.twilio.com",
  timeoutMs: 1000,
});

function signed(body: Record<string, string>, token = AUTH_TOKEN, url = URL) {
  return { "x-twilio-signature": twilio.getExpectedTwilioSignature(token, url, body) };
}

describe("verifyCallback", () => {
  it("accepts a receipt signed with the auth token for this URL", () => {
    expect(provider.verifyCallback({ url: URL, headers: signed(params), params })).toBe(true);
  });

  it("refuses an unsigned receipt", () => {
    expect(provider.verifyCallback({ url: URL, headers: {}, params })).toBe(false);
    expect(
      provider.verifyCallback({ url: URL, headers: { "x-twilio-signature": "" }, params }),
    ).toBe(false);
  });

  it("refuses a receipt signed with another key", () => {
    const forged = signed(params, "ffffffffffffffffffffffffffffffff");
    expect(provider.verifyCallback({ url: URL, headers: forged, params })).toBe(false);
  });

  it("refuses a receipt whose body was changed after signing", () => {
    const headers = signed({ ...params, MessageStatus: "undelivered" });
    expect(provider.verifyCallback({ url: URL, headers, params })).toBe(false);
    const extra = { ...params, ErrorCode: "30003" };
    expect(provider.verifyCallback({ url: URL, headers: signed(params), params: extra })).toBe(
      false,
    );
  });

  it("refuses a receipt signed for another URL", () => {
    const headers = signed(params, AUTH_TOKEN, "https://attacker.example/callback");
    expect(provider.verifyCallback({ url: URL, headers, params })).toBe(false);
  });
});

describe("parseCallback", () => {
  it("reads the message, its status and the error code", () => {
    expect(
      provider.parseCallback({ ...params, MessageStatus: "failed", ErrorCode: "30008" }),
    ).toEqual({ messageSid: params.MessageSid, status: "failed", errorCode: "30008" });
    expect(provider.parseCallback(params)).toEqual({
      messageSid: params.MessageSid,
      status: "delivered",
      errorCode: null,
    });
  });

  it("finds no receipt without a message or a status", () => {
    expect(provider.parseCallback({ MessageStatus: "sent" })).toBeNull();
    expect(provider.parseCallback({ MessageSid: "SM1" })).toBeNull();
  });
});

describe("rebaseUri", () => {
  const uri = "https://api.twilio.com/2010-04-01/Accounts/AC1/Messages.json";

  it("moves Messages API calls to the configured base URL", () => {
    expect(rebaseUri(uri, "http://127.0.0.1:8099/")).toBe(
      "http://127.0.0.1:8099/2010-04-01/Accounts/AC1/Messages.json",
    );
    expect(rebaseUri(uri, "http://gateway.local/twilio")).toBe(
      "http://gateway.local/twilio/2010-04-01/Accounts/AC1/Messages.json",
    );
  });

  it("leaves Twilio's own base URL and other hosts alone", () => {
    expect(rebaseUri(uri, "https://api.twilio.com")).toBe(uri);
    expect(rebaseUri("https://api.twilio.com.evil.example/x", "http://sink")).toBe(
      "https://api.twilio.com.evil.example/x",
    );
  });
});

describe("classifyTwilioError", () => {
  const rest = (status: number, code?: number) =>
    new twilio.RestException({ statusCode: status, body: { code, message: "nope" } });

  it("treats a refused message as final", () => {
    expect(classifyTwilioError(rest(400, 21211))).toMatchObject({
      code: "21211",
      retryable: false,
    });
  });

  it("retries when the provider is overloaded or failing", () => {
    expect(classifyTwilioError(rest(429, 20429))).toMatchObject({ retryable: true });
    expect(classifyTwilioError(rest(503))).toMatchObject({ code: "HTTP_503", retryable: true });
  });

  it("retries when the provider cannot be reached", () => {
    const error = classifyTwilioError(new Error("connect ECONNREFUSED 127.0.0.1:9"));
    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ code: "PROVIDER_UNREACHABLE", retryable: true });
  });
});
