/**
 * A local stand-in for the part of Twilio's REST API the extension uses, for
 * development and tests: it takes `POST /2010-04-01/Accounts/{sid}/Messages.json`
 * (form-encoded, basic auth) as Twilio does, keeps every message in memory for the
 * development outbox (`GET /messages`), and posts signed status callbacks like Twilio's,
 * so the extension's real code path runs, receipts included, without sending anything.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import twilio from "twilio";
import { smsSegments } from "../functions/src/segments.js";

/**
 * What happens to a message: `delivered`, `undelivered` (sent, never reached the
 * handset), `failed` (never sent), `slow` (delivered after `slowDelayMs`), or refused at
 * the API: `rejected` (400, the number is invalid) and `unavailable` (503, provider down).
 */
export const outcomes = [
  "delivered",
  "undelivered",
  "failed",
  "slow",
  "rejected",
  "unavailable",
] as const;
export type Outcome = (typeof outcomes)[number];

/** Numbers ending in `suffix` get `outcome`; the first matching rule wins. */
export interface OutcomeRule {
  suffix: string;
  outcome: Outcome;
}

/** Numbers ending in six zeros stand for an unreachable handset. */
export const DEFAULT_RULES: readonly OutcomeRule[] = [{ suffix: "000000", outcome: "undelivered" }];

export interface SinkOptions {
  /** 0 (the default) picks a free port. */
  port?: number;
  host?: string;
  /** Checks the API calls' basic auth and signs the callbacks, as Twilio does. */
  authToken: string;
  /** When set, calls for any other account are refused. */
  accountSid?: string;
  rules?: readonly OutcomeRule[];
  /** Until the first callback ("sent", or "failed"), and again until the outcome. */
  callbackDelayMs?: number;
  /** Until a `slow` message is delivered. */
  slowDelayMs?: number;
  /**
   * Told of each message taken, before the API answers (so while the sender still holds
   * the message as it was sent). A failure here is logged, never turned into an API error.
   */
  onMessage?: (message: SinkMessage) => Promise<void> | void;
  /** Told of each status a message moves to, before its callback is posted. */
  onStatus?: (message: SinkMessage, status: string) => Promise<void> | void;
}

export interface CallbackRecord {
  status: string;
  at: string;
  /** The receiving end's HTTP status, or why the callback could not be posted. */
  result: number | string;
}

export interface SinkMessage {
  sid: string;
  accountSid: string;
  to: string;
  from: string | null;
  messagingServiceSid: string | null;
  body: string;
  status: string;
  errorCode: string | null;
  numSegments: number;
  statusCallback: string | null;
  dateCreated: string;
  callbacks: CallbackRecord[];
}

export interface Sink {
  /** Base URL to give the extension as its provider API base URL. */
  url: string;
  port: number;
  /** Every message taken, newest first. */
  messages(): SinkMessage[];
  clear(): void;
  /** Stops the server and every callback still due. */
  stop(): Promise<void>;
}

const MESSAGES_PATH = /^\/2010-04-01\/Accounts\/([A-Za-z0-9]+)\/Messages\.json$/;

/** Delivery error codes Twilio reports with each failed outcome. */
const ERROR_CODES = { undelivered: "30003", failed: "30008" } as const;

/** `"000000=undelivered,555=slow"` (a development script's setting) as rules. */
export function parseOutcomeRules(setting: string | undefined): OutcomeRule[] {
  if (!setting?.trim()) return [...DEFAULT_RULES];
  return setting.split(",").map((pair) => {
    const [suffix, outcome] = pair.split("=").map((part) => part.trim());
    if (!suffix || !(outcomes as readonly string[]).includes(outcome ?? "")) {
      throw new Error(`Not a rule "${pair}": expected <number suffix>=<${outcomes.join("|")}>`);
    }
    return { suffix, outcome: outcome as Outcome };
  });
}

export function outcomeFor(to: string, rules: readonly OutcomeRule[]): Outcome {
  return rules.find((rule) => to.endsWith(rule.suffix))?.outcome ?? "delivered";
}

/** Twilio's date format (RFC 2822, always UTC). */
function twilioDate(date: Date): string {
  return date.toUTCString().replace("GMT", "+0000");
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "Content-Type": "application/json" });
  res.end(JSON.stringify(body));
}

function twilioError(res: ServerResponse, status: number, code: number, message: string): void {
  sendJson(res, status, {
    code,
    message,
    more_info: `https://www.twilio.com/docs/errors/${code}`,
    status,
  });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

function basicAuth(header: string | undefined): { user: string; password: string } | null {
  const match = /^Basic (.+)$/.exec(header ?? "");
  if (!match?.[1]) return null;
  const decoded = Buffer.from(match[1], "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1
    ? null
    : { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export async function startSink(options: SinkOptions): Promise<Sink> {
  const rules = options.rules ?? DEFAULT_RULES;
  const callbackDelayMs = options.callbackDelayMs ?? 1000;
  const slowDelayMs = options.slowDelayMs ?? 20_000;
  const store: SinkMessage[] = [];
  const timers = new Set<NodeJS.Timeout>();

  function later(ms: number, task: () => Promise<void>): void {
    const timer = setTimeout(() => {
      timers.delete(timer);
      void task();
    }, ms);
    timers.add(timer);
  }

  /** Runs an observer; what it throws is reported and otherwise ignored. */
  async function tell(what: string, observe: () => Promise<void> | void): Promise<void> {
    try {
      await observe();
    } catch (error) {
      console.error(`SMS sink: ${what} observer failed:`, error);
    }
  }

  async function postCallback(message: SinkMessage, status: string): Promise<void> {
    message.status = status;
    if (status === "undelivered" || status === "failed") message.errorCode = ERROR_CODES[status];
    if (options.onStatus) await tell("status", () => options.onStatus?.(message, status));
    if (!message.statusCallback) return;
    const params: Record<string, string> = {
      AccountSid: message.accountSid,
      ApiVersion: "2010-04-01",
      MessageSid: message.sid,
      SmsSid: message.sid,
      MessageStatus: status,
      SmsStatus: status,
      To: message.to,
      ...(message.from ? { From: message.from } : {}),
      ...(message.messagingServiceSid ? { MessagingServiceSid: message.messagingServiceSid } : {}),
      ...(message.errorCode ? { ErrorCode: message.errorCode } : {}),
    };
    const signature = twilio.getExpectedTwilioSignature(
      options.authToken,
      message.statusCallback,
      params,
    );
    const record: CallbackRecord = { status, at: new Date().toISOString(), result: "pending" };
    message.callbacks.push(record);
    try {
      const response = await fetch(message.statusCallback, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          [twilio.SIGNATURE_HEADER]: signature,
        },
        body: new URLSearchParams(params).toString(),
      });
      record.result = response.status;
    } catch (error) {
      record.result = error instanceof Error ? error.message : String(error);
    }
  }

  function schedule(message: SinkMessage, outcome: Outcome): void {
    switch (outcome) {
      case "delivered":
      case "undelivered":
        later(callbackDelayMs, () => postCallback(message, "sent"));
        later(2 * callbackDelayMs, () => postCallback(message, outcome));
        return;
      case "failed":
        later(callbackDelayMs, () => postCallback(message, "failed"));
        return;
      case "slow":
        later(callbackDelayMs, () => postCallback(message, "sent"));
        later(slowDelayMs, () => postCallback(message, "delivered"));
        return;
      case "rejected":
      case "unavailable":
        return;
    }
  }

  async function createMessage(req: IncomingMessage, res: ServerResponse, accountSid: string) {
    const auth = basicAuth(req.headers.authorization);
    const knownAccount = !options.accountSid || options.accountSid === accountSid;
    if (!auth || auth.user !== accountSid || auth.password !== options.authToken || !knownAccount) {
      twilioError(res, 401, 20003, "Authenticate");
      return;
    }
    const form = new URLSearchParams(await readBody(req));
    const to = form.get("To");
    const body = form.get("Body");
    const from = form.get("From");
    const messagingServiceSid = form.get("MessagingServiceSid");
    if (!to) return twilioError(res, 400, 21604, "A 'To' phone number is required.");
    if (!body) return twilioError(res, 400, 21602, "Message body is required.");
    if (!from && !messagingServiceSid) {
      return twilioError(res, 400, 21603, "A 'From' phone number is required.");
    }
    const outcome = outcomeFor(to, rules);
    if (outcome === "rejected") {
      return twilioError(res, 400, 21211, `The 'To' number ${to} is not a valid phone number.`);
    }
    if (outcome === "unavailable") return twilioError(res, 503, 20503, "Service unavailable");

    const now = new Date();
    const message: SinkMessage = {
      sid: `SM${randomBytes(16).toString("hex")}`,
      accountSid,
      to,
      from,
      messagingServiceSid,
      body,
      status: from ? "queued" : "accepted",
      errorCode: null,
      numSegments: smsSegments(body).segments,
      statusCallback: form.get("StatusCallback"),
      dateCreated: now.toISOString(),
      callbacks: [],
    };
    store.unshift(message);
    if (options.onMessage) await tell("message", () => options.onMessage?.(message));
    schedule(message, outcome);
    sendJson(res, 201, {
      sid: message.sid,
      account_sid: accountSid,
      api_version: "2010-04-01",
      to,
      from,
      messaging_service_sid: messagingServiceSid,
      body,
      status: message.status,
      direction: "outbound-api",
      num_segments: String(message.numSegments),
      num_media: "0",
      date_created: twilioDate(now),
      date_updated: twilioDate(now),
      date_sent: null,
      error_code: null,
      error_message: null,
      price: null,
      price_unit: "USD",
      uri: `/2010-04-01/Accounts/${accountSid}/Messages/${message.sid}.json`,
    });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://sink");
    const create = MESSAGES_PATH.exec(url.pathname);
    if (create?.[1] && req.method === "POST") return createMessage(req, res, create[1]);
    if (url.pathname === "/messages" && req.method === "GET") {
      const to = url.searchParams.get("to");
      return sendJson(res, 200, { messages: to ? store.filter((m) => m.to === to) : store });
    }
    if (url.pathname === "/messages" && req.method === "DELETE") {
      store.length = 0;
      res.writeHead(204).end();
      return;
    }
    twilioError(res, 404, 20404, "The requested resource was not found");
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) twilioError(res, 500, 20500, String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host ?? "127.0.0.1";

  return {
    url: `http://${host}:${port}`,
    port,
    messages: () => store.map((message) => ({ ...message, callbacks: [...message.callbacks] })),
    clear: () => {
      store.length = 0;
    },
    stop: async () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
