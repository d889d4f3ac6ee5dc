import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ProviderError, type SmsProvider } from "../functions/src/provider.js";
import { twilioProvider } from "../functions/src/twilio-provider.js";
import { DEFAULT_RULES, parseOutcomeRules, startSink, type Sink } from "./sink.js";

const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";
const AUTH_TOKEN = "0123456789abcdef0123456789abcdef";

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  params: Record<string, string>;
}

let sink: Sink;
let receiver: Server;
let callbackUrl: string;
let provider: SmsProvider;
const received: Received[] = [];

function listen(server: Server): Promise<number> {
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)),
  );
}

/** The receipts received for one message, once `count` of them have arrived. */
async function receiptsFor(sid: string, count: number): Promise<Received[]> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const mine = received.filter((r) => r.params.MessageSid === sid);
    if (mine.length >= count) return mine;
    if (Date.now() > deadline) throw new Error(`only ${mine.length} receipts for ${sid}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function twilioAt(baseUrl: string, authToken = AUTH_TOKEN): SmsProvider {
  return twilioProvider({
    accountSid: ACCOUNT_SID,
    authToken,
    messagingServiceSid: "MG0123456789abcdef0123456789abcdef",
    apiBaseUrl: baseUrl,
    timeoutMs: 2000,
  });
}

beforeAll(async () => {
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
      received.push({ path: req.url ?? "", headers: req.headers, params });
      res.writeHead(204).end();
    });
  });
  callbackUrl = `http://127.0.0.1:${await listen(receiver)}/ext-sms-sender-statusCallback`;
  sink = await startSink({
    authToken: AUTH_TOKEN,
    accountSid: ACCOUNT_SID,
    callbackDelayMs: 20,
    slowDelayMs: 300,
    rules: [
      ...DEFAULT_RULES,
      ...parseOutcomeRules("000001=failed,000002=slow,000003=rejected,000004=unavailable"),
    ],
  });
  provider = twilioAt(sink.url);
});

afterAll(async () => {
  await sink.stop();
  await new Promise((resolve) => receiver.close(resolve));
});

describe("the development sink, reached through the Twilio provider", () => {
  it("takes a message and posts signed receipts: sent, then delivered", async () => {
    const receipt = await provider.send("+995555123456", "123456 is your code", callbackUrl);
    expect(receipt).toMatchObject({
      status: "accepted",
      messagingServiceSid: "MG0123456789abcdef0123456789abcdef",
      numSegments: "1",
      dateSent: null,
    });
    expect(receipt.sid).toMatch(/^SM[0-9a-f]{32}$/);
    expect(receipt.dateCreated).toBeInstanceOf(Date);

    const receipts = await receiptsFor(receipt.sid, 2);
    expect(receipts.map((r) => r.params.MessageStatus)).toEqual(["sent", "delivered"]);
    for (const { headers, params } of receipts) {
      expect(provider.verifyCallback({ url: callbackUrl, headers, params })).toBe(true);
      expect(provider.parseCallback(params)?.errorCode).toBeNull();
    }
    // The same receipt, with its status changed on the way, is refused.
    const [first] = receipts;
    const tampered = { ...first!.params, MessageStatus: "delivered" };
    expect(
      provider.verifyCallback({ url: callbackUrl, headers: first!.headers, params: tampered }),
    ).toBe(false);
  });

  it("reports a number ending in 000000 as unreachable: sent, then undelivered", async () => {
    const { sid } = await provider.send("+995555000000", "hello", callbackUrl);
    const receipts = await receiptsFor(sid, 2);
    expect(receipts.map((r) => provider.parseCallback(r.params))).toEqual([
      { messageSid: sid, status: "sent", errorCode: null },
      { messageSid: sid, status: "undelivered", errorCode: "30003" },
    ]);
    expect(receipts.every((r) => provider.verifyCallback({ url: callbackUrl, ...r }))).toBe(true);
  });

  it("fails a chosen number without sending it", async () => {
    const { sid } = await provider.send("+995555000001", "hello", callbackUrl);
    const [receipt] = await receiptsFor(sid, 1);
    expect(provider.parseCallback(receipt!.params)).toEqual({
      messageSid: sid,
      status: "failed",
      errorCode: "30008",
    });
  });

  it("delivers a slow number only after its delay", async () => {
    const { sid } = await provider.send("+995555000002", "hello", callbackUrl);
    const [sent] = await receiptsFor(sid, 1);
    expect(sent!.params.MessageStatus).toBe("sent");
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(received.filter((r) => r.params.MessageSid === sid)).toHaveLength(1);
    const receipts = await receiptsFor(sid, 2);
    expect(receipts[1]!.params.MessageStatus).toBe("delivered");
  });

  it("refuses an invalid number for good, and a down provider for now", async () => {
    const rejected = provider.send("+995555000003", "hello", callbackUrl);
    await expect(rejected).rejects.toBeInstanceOf(ProviderError);
    await expect(rejected).rejects.toMatchObject({ code: "21211", retryable: false });
    await expect(provider.send("+995555000004", "hello", callbackUrl)).rejects.toMatchObject({
      code: "20503",
      retryable: true,
    });
  });

  it("refuses a caller with the wrong auth token", async () => {
    const intruder = twilioAt(sink.url, "f".repeat(32));
    await expect(intruder.send("+995555123456", "hello", callbackUrl)).rejects.toMatchObject({
      code: "20003",
      retryable: false,
    });
  });

  it("lists what it took for the development outbox, newest first", async () => {
    const { sid } = await provider.send("+995555777777", "ა 123456", callbackUrl);
    const response = await fetch(`${sink.url}/messages?to=${encodeURIComponent("+995555777777")}`);
    const { messages } = (await response.json()) as { messages: Record<string, unknown>[] };
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      sid,
      to: "+995555777777",
      body: "ა 123456",
      numSegments: 1,
      statusCallback: callbackUrl,
    });
    expect(sink.messages()[0]?.sid).toBe(sid);
  });

  it("is unreachable once stopped, which the provider reports as retryable", async () => {
    const stopped = await startSink({ authToken: AUTH_TOKEN });
    await stopped.stop();
    await expect(
      twilioAt(stopped.url).send("+995555123456", "x", callbackUrl),
    ).rejects.toMatchObject({ code: "PROVIDER_UNREACHABLE", retryable: true });
  });
});

describe("parseOutcomeRules", () => {
  it("keeps the unreachable default when nothing is set", () => {
    expect(parseOutcomeRules(undefined)).toEqual([{ suffix: "000000", outcome: "undelivered" }]);
  });

  it("refuses an unknown outcome", () => {
    expect(() => parseOutcomeRules("123=lost")).toThrow(/Not a rule "123=lost"/);
  });
});
