import twilio from "twilio";
import type { Firestore } from "firebase-admin/firestore";
import { describe, expect, it } from "vitest";
import { formParams, handleStatusCallback, signedUrl } from "./status-callback.js";
import { twilioProvider } from "./twilio-provider.js";

const AUTH_TOKEN = "0123456789abcdef0123456789abcdef";
const PUBLIC_URL = "https://europe-west1-demo-x.cloudfunctions.net/ext-sms-sender-statusCallback";
const receipt = { MessageSid: "SM1", MessageStatus: "delivered" };

/** Any use of the database fails the test: refused requests must not reach it. */
const untouchable = new Proxy({} as Firestore, {
  get() {
    throw new Error("the database was read for a refused request");
  },
});

function call(request: { method?: string; headers?: Record<string, string>; body?: unknown }) {
  const response = { code: 0, body: "" };
  const res = {
    status(code: number) {
      response.code = code;
      return res;
    },
    send(body?: string) {
      response.body = body ?? "";
    },
  };
  const deps = {
    db: untouchable,
    collection: "messages",
    provider: twilioProvider({
      accountSid: "AC00000000000000000000000000000000",
      authToken: AUTH_TOKEN,
      from: "+15005550006",
      apiBaseUrl: "https://api.twilio.com",
      timeoutMs: 1000,
    }),
    publicUrl: PUBLIC_URL,
  };
  const req = {
    method: request.method ?? "POST",
    originalUrl: "/ext-sms-sender-statusCallback",
    headers: request.headers ?? {},
    body: request.body ?? receipt,
  };
  return handleStatusCallback(req, res, deps).then(() => response);
}

describe("handleStatusCallback", () => {
  it("refuses an unsigned receipt with 403", async () => {
    expect(await call({})).toEqual({ code: 403, body: "Invalid signature" });
  });

  it("refuses a forged signature with 403", async () => {
    const forged = twilio.getExpectedTwilioSignature("f".repeat(32), PUBLIC_URL, receipt);
    expect((await call({ headers: { "x-twilio-signature": forged } })).code).toBe(403);
  });

  it("refuses a receipt changed after signing with 403", async () => {
    const signature = twilio.getExpectedTwilioSignature(AUTH_TOKEN, PUBLIC_URL, {
      ...receipt,
      MessageStatus: "undelivered",
    });
    expect((await call({ headers: { "x-twilio-signature": signature } })).code).toBe(403);
  });

  it("takes only POST", async () => {
    expect((await call({ method: "GET" })).code).toBe(405);
  });
});

describe("signedUrl", () => {
  it("is the public URL with the request's query string", () => {
    expect(signedUrl(PUBLIC_URL, "/demo-x/europe-west1/fn")).toBe(PUBLIC_URL);
    expect(signedUrl(PUBLIC_URL, "/fn?a=1&b=2")).toBe(`${PUBLIC_URL}?a=1&b=2`);
  });
});

describe("formParams", () => {
  it("keeps the string fields of a parsed form and nothing else", () => {
    expect(formParams({ a: "1", b: ["2", "3"], c: 4 })).toEqual({ a: "1" });
    expect(formParams(Buffer.from("a=1"))).toEqual({});
    expect(formParams(undefined)).toEqual({});
  });
});
