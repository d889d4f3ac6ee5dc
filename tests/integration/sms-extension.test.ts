/**
 * The SMS extension (extensions/sms-sender) as the Functions emulator runs it, sending to
 * the development SMS sink (scripts/sms-sink.ts). The sink's number rules choose each
 * message's fate (scripts/lib/stack.ts): numbers ending in 000000 are unreachable,
 * 000001 fail, 000002 are slow, 000003 find the provider down, 000004 are refused.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Timestamp, type DocumentReference } from "firebase-admin/firestore";
import twilio from "twilio";
import { describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import { PROJECT_ID, adminDb, waitFor } from "../support/clients.js";

const STATUS_CALLBACK_URL = `http://127.0.0.1:5001/${PROJECT_ID}/europe-west1/ext-sms-sender-statusCallback`;
const ACCOUNT_SID = "AC0123456789abcdef0123456789abcdef";

/** The development auth token the extension and the sink share. */
function authToken(): string {
  const file = join(import.meta.dirname, "..", "..", "extensions", "sms-sender.secret.local");
  const token = /^TWILIO_AUTH_TOKEN=(.+)$/m.exec(readFileSync(file, "utf8"))?.[1]?.trim();
  if (!token) throw new Error(`no TWILIO_AUTH_TOKEN in ${file}`);
  return token;
}

/** A Georgian mobile number ending in `suffix` (six digits), different on every call. */
function mobileEndingIn(suffix: string): string {
  return `+9955${String(Math.floor(Math.random() * 100)).padStart(2, "0")}${suffix}`;
}

/** Any other mobile number: delivered. */
function deliverableMobile(): string {
  for (;;) {
    const number = `+995555${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
    if (!/00000\d$/.test(number)) return number;
  }
}

const code = () => String(Math.floor(Math.random() * 1e6)).padStart(6, "0");
const smsBody = (c: string) => `${c} is your Dashboard verification code.\n\n@localhost #${c}`;

async function queue(to: string, extra: Record<string, unknown> = {}) {
  const c = code();
  const ref = await adminDb()
    .collection(collections.messages)
    .add({ to, body: smsBody(c), ...extra });
  return { ref, code: c };
}

type Doc = Record<string, unknown> & {
  body?: string;
  delivery?: {
    state?: string;
    attempts?: number;
    errorCode?: string | null;
    errorMessage?: string | null;
    leaseExpireTime?: unknown;
    info?: { messageSid?: string; status?: string; numSegments?: string | null } | null;
  };
};

async function read(ref: DocumentReference): Promise<Doc> {
  return ((await ref.get()).data() ?? {}) as Doc;
}

function until(
  ref: DocumentReference,
  done: (doc: Doc) => boolean,
  what: string,
  timeoutMs = 20_000,
): Promise<Doc> {
  return waitFor(
    async () => {
      const doc = await read(ref);
      return done(doc) ? doc : undefined;
    },
    what,
    timeoutMs,
  );
}

const final = (doc: Doc) => doc.delivery?.state === "SUCCESS" || doc.delivery?.state === "ERROR";

/** Posts a receipt to the extension's statusCallback, signed with `token` unless null. */
async function postReceipt(params: Record<string, string>, token: string | null) {
  const headers: Record<string, string> = {
    "Content-Type": "application/x-www-form-urlencoded",
  };
  if (token !== null) {
    headers[twilio.SIGNATURE_HEADER] = twilio.getExpectedTwilioSignature(
      token,
      STATUS_CALLBACK_URL,
      params,
    );
  }
  return fetch(STATUS_CALLBACK_URL, {
    method: "POST",
    headers,
    body: new URLSearchParams(params).toString(),
  });
}

const receipt = (messageSid: string, status: string) => ({
  AccountSid: ACCOUNT_SID,
  ApiVersion: "2010-04-01",
  MessageSid: messageSid,
  SmsSid: messageSid,
  MessageStatus: status,
  SmsStatus: status,
});

describe("the SMS extension in the emulator", () => {
  it("sends, records SUCCESS with the provider's message id, and masks the code", async () => {
    const { ref, code: c } = await queue(deliverableMobile());
    const sent = await until(ref, final, "the send");
    expect(sent.delivery).toMatchObject({
      state: "SUCCESS",
      attempts: 1,
      errorCode: null,
      leaseExpireTime: null,
      info: { messageSid: expect.stringMatching(/^SM[0-9a-f]{32}$/), numSegments: "1" },
    });
    expect(sent.body).not.toContain(c);
    expect(sent.redactedAt).toBeDefined();

    const copy = await waitFor(async () => {
      const doc = await adminDb().collection("devOutbox").doc(ref.id).get();
      return doc.exists ? doc.data() : undefined;
    }, "the development outbox's copy");
    expect(copy).toMatchObject({ kind: "sms", state: "SUCCESS", text: smsBody(c) });
  });

  it("moves to delivered on the sink's signed receipts", async () => {
    const { ref } = await queue(deliverableMobile());
    const delivered = await until(
      ref,
      (doc) => doc.delivery?.info?.status === "delivered",
      "the delivered receipt",
    );
    expect(delivered.delivery?.state).toBe("SUCCESS");
  });

  it("records an unreachable handset as undelivered, with the network's error", async () => {
    const { ref } = await queue(mobileEndingIn("000000"));
    const doc = await until(
      ref,
      (d) => d.delivery?.info?.status === "undelivered",
      "the undelivered receipt",
    );
    expect(doc.delivery).toMatchObject({ state: "SUCCESS", errorCode: "30003" });
    const copy = await adminDb().collection("devOutbox").doc(ref.id).get();
    expect(copy.data()).toMatchObject({ kind: "sms", state: "ERROR" });
  });

  it("records a message the network failed as failed", async () => {
    const { ref } = await queue(mobileEndingIn("000001"));
    const doc = await until(ref, (d) => d.delivery?.info?.status === "failed", "the receipt");
    expect(doc.delivery).toMatchObject({ state: "SUCCESS", errorCode: "30008" });
  });

  it("ends in ERROR at once when the provider refuses the number", async () => {
    const { ref, code: c } = await queue(mobileEndingIn("000004"));
    const doc = await until(ref, final, "the refusal");
    expect(doc.delivery).toMatchObject({ state: "ERROR", attempts: 1, errorCode: "21211" });
    expect(doc.body).not.toContain(c);
  });

  it("retries while the provider is down and ends in ERROR, never left PROCESSING", async () => {
    const { ref, code: c } = await queue(mobileEndingIn("000003"));
    const doc = await until(ref, final, "the end of the retries", 25_000);
    expect(doc.delivery).toMatchObject({
      state: "ERROR",
      attempts: 3,
      errorCode: "20503",
      leaseExpireTime: null,
    });
    expect(doc.body).not.toContain(c);
  });

  it("believes a receipt signed with the account's token", async () => {
    // Slow: the sink reports "sent" and would say "delivered" only much later.
    const { ref } = await queue(mobileEndingIn("000002"));
    const sent = await until(ref, (d) => d.delivery?.info?.status === "sent", "the send");
    const sid = String(sent.delivery?.info?.messageSid);
    const response = await postReceipt(receipt(sid, "delivered"), authToken());
    expect(response.status).toBe(204);
    expect((await read(ref)).delivery?.info?.status).toBe("delivered");
  });

  it("refuses unsigned and forged receipts with 403 and changes nothing", async () => {
    const { ref } = await queue(mobileEndingIn("000002"));
    // Once the sink's own "sent" is in, nothing else arrives for a long while.
    const sent = await until(ref, (d) => d.delivery?.info?.status === "sent", "the send");
    const sid = String(sent.delivery?.info?.messageSid);

    expect((await postReceipt(receipt(sid, "delivered"), null)).status).toBe(403);
    expect((await postReceipt(receipt(sid, "delivered"), "not-the-auth-token")).status).toBe(403);
    // Signed for one status, sent with another.
    const signed = receipt(sid, "failed");
    const response = await fetch(STATUS_CALLBACK_URL, {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        [twilio.SIGNATURE_HEADER]: twilio.getExpectedTwilioSignature(
          authToken(),
          STATUS_CALLBACK_URL,
          signed,
        ),
      },
      body: new URLSearchParams(receipt(sid, "delivered")).toString(),
    });
    expect(response.status).toBe(403);
    expect((await read(ref)).delivery?.info?.status).toBe("sent");
  });

  it("takes over a message whose sender died mid-send once its lease has run out", async () => {
    const { ref, code: c } = await queue(deliverableMobile(), {
      delivery: {
        state: "PROCESSING",
        startTime: Timestamp.fromMillis(Date.now() - 120_000),
        attempts: 1,
        leaseExpireTime: Timestamp.fromMillis(Date.now() - 60_000),
        endTime: null,
        errorCode: null,
        errorMessage: null,
        info: null,
      },
    });
    const doc = await until(ref, final, "the takeover");
    expect(doc.delivery).toMatchObject({
      state: "SUCCESS",
      attempts: 2,
      leaseExpireTime: null,
      info: { messageSid: expect.stringMatching(/^SM/) },
    });
    expect(doc.body).not.toContain(c);
  });
});
