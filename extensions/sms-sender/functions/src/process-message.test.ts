import { FieldValue, type DocumentReference } from "firebase-admin/firestore";
import { describe, expect, it, vi } from "vitest";
import { readConfig } from "./config.js";
import { processMessage, RetryLater } from "./process-message.js";
import { ProviderError, type SendReceipt, type SmsProvider } from "./provider.js";

const NOW = 1_800_000_000_000;
const BODY = "123456 is your Dashboard verification code.\n\n@dashboard.example.com #123456";
const MASKED = "•••••• is your Dashboard verification code.\n\n@dashboard.example.com #••••••";

const config = readConfig({
  LOCATION: "europe-west1",
  MESSAGE_COLLECTION: "messages",
  SMS_PROVIDER: "twilio",
  TWILIO_ACCOUNT_SID: "AC00000000000000000000000000000000",
  TWILIO_AUTH_TOKEN: "secret",
  TWILIO_PHONE_NUMBER: "+15005550006",
  PROJECT_ID: "demo-x",
  EXT_INSTANCE_ID: "sms-sender",
  CODE_PATTERN: "\\b\\d{6}\\b",
});

const receipt: SendReceipt = {
  sid: "SM0123",
  status: "queued",
  dateCreated: new Date(NOW),
  dateSent: null,
  dateUpdated: new Date(NOW),
  messagingServiceSid: null,
  numSegments: "1",
};

/**
 * One document in memory behind the little of Firestore the sender uses (a transaction
 * that reads it and applies dotted-path updates), recording each state it passes through.
 */
function storedMessage(initial: Record<string, unknown>) {
  const data: Record<string, unknown> = structuredClone(initial);
  const states: string[] = [];
  const read = () => ({ exists: true, data: () => structuredClone(data) });
  const apply = (update: Record<string, unknown>) => {
    for (const [path, value] of Object.entries(update)) {
      const keys = path.split(".");
      const last = keys.pop()!;
      let target = data;
      for (const key of keys) target = (target[key] ??= {}) as Record<string, unknown>;
      if (value instanceof FieldValue) Reflect.deleteProperty(target, last);
      else target[last] = value;
    }
    const state = (data.delivery as { state?: string } | undefined)?.state;
    if (state) states.push(state);
  };
  const ref = {
    id: "message-1",
    firestore: {
      runTransaction: <T>(run: (tx: unknown) => Promise<T>) =>
        run({ get: async () => read(), update: (_ref: unknown, update: never) => apply(update) }),
    },
  } as unknown as DocumentReference;
  return { ref, states, data: () => data };
}

function providerThat(...answers: (SendReceipt | ProviderError)[]) {
  const send = vi.fn(async () => {
    const answer = answers.shift();
    if (!answer) throw new Error("no more answers");
    if (answer instanceof ProviderError) throw answer;
    return answer;
  });
  const provider: SmsProvider = { send, verifyCallback: () => false, parseCallback: () => null };
  return { provider, send };
}

const down = () => new ProviderError("PROVIDER_UNREACHABLE", "connect ECONNREFUSED", true);

async function run(message: ReturnType<typeof storedMessage>, provider: SmsProvider) {
  const sleeps: number[] = [];
  await processMessage(message.ref, {
    config,
    provider,
    now: () => NOW,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
  });
  return sleeps;
}

describe("processMessage", () => {
  it("sends a new message: PENDING, PROCESSING, SUCCESS, and masks its code", async () => {
    const message = storedMessage({ to: "+995555123456", body: BODY, redactBy: new Date(NOW) });
    const { provider, send } = providerThat(receipt);
    await run(message, provider);

    expect(send).toHaveBeenCalledWith("+995555123456", BODY, config.statusCallbackUrl);
    expect(message.states).toEqual(["PENDING", "PROCESSING", "SUCCESS"]);
    expect(message.data()).toEqual({
      to: "+995555123456",
      body: MASKED,
      redactedAt: new Date(NOW),
      delivery: {
        state: "SUCCESS",
        startTime: new Date(NOW),
        endTime: new Date(NOW),
        attempts: 1,
        leaseExpireTime: null,
        errorCode: null,
        errorMessage: null,
        info: {
          messageSid: "SM0123",
          status: "queued",
          dateCreated: new Date(NOW),
          dateSent: null,
          dateUpdated: new Date(NOW),
          messagingServiceSid: null,
          numSegments: "1",
        },
      },
    });
  });

  it("tries again while the provider is down, and succeeds when it is back", async () => {
    const message = storedMessage({ to: "+995555123456", body: BODY });
    const { provider, send } = providerThat(down(), down(), receipt);
    const sleeps = await run(message, provider);

    expect(send).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([1000, 3000]);
    expect(message.states).toEqual([
      "PENDING",
      "PROCESSING",
      "PENDING",
      "PROCESSING",
      "PENDING",
      "PROCESSING",
      "SUCCESS",
    ]);
    expect(message.data().delivery).toMatchObject({ attempts: 3, errorCode: null });
  });

  it("ends in ERROR, code masked, when the provider stays down", async () => {
    const message = storedMessage({ to: "+995555123456", body: BODY });
    const { provider, send } = providerThat(down(), down(), down());
    await run(message, provider);

    expect(send).toHaveBeenCalledTimes(3);
    expect(message.states.at(-1)).toBe("ERROR");
    expect(message.data()).toMatchObject({
      body: MASKED,
      delivery: {
        state: "ERROR",
        attempts: 3,
        leaseExpireTime: null,
        errorCode: "PROVIDER_UNREACHABLE",
        errorMessage: "connect ECONNREFUSED",
      },
    });
  });

  it("ends a refused message in ERROR after one attempt", async () => {
    const message = storedMessage({ to: "+995555123456", body: BODY });
    const refused = new ProviderError("21211", "Invalid 'To' number", false);
    const { provider, send } = providerThat(refused);
    await run(message, provider);

    expect(send).toHaveBeenCalledTimes(1);
    expect(message.data().delivery).toMatchObject({ state: "ERROR", errorCode: "21211" });
  });

  it("ends a message without a number in ERROR without calling the provider", async () => {
    const message = storedMessage({ body: BODY });
    const { provider, send } = providerThat(receipt);
    await run(message, provider);

    expect(send).not.toHaveBeenCalled();
    expect(message.data().delivery).toMatchObject({
      state: "ERROR",
      errorCode: "INVALID_MESSAGE",
    });
  });

  it("takes over a send whose function died, once its lease has run out", async () => {
    const crashed = {
      state: "PROCESSING",
      startTime: new Date(NOW - 60_000),
      attempts: 1,
      leaseExpireTime: new Date(NOW - 1),
    };
    const message = storedMessage({ to: "+995555123456", body: BODY, delivery: crashed });
    const { provider, send } = providerThat(receipt);
    await run(message, provider);

    expect(send).toHaveBeenCalledTimes(1);
    expect(message.states).toEqual(["PROCESSING", "SUCCESS"]);
    expect(message.data().delivery).toMatchObject({ state: "SUCCESS", attempts: 2 });
  });

  it("asks for a retry, writing nothing, while another attempt holds the lease", async () => {
    const live = { state: "PROCESSING", attempts: 1, leaseExpireTime: new Date(NOW + 5000) };
    const message = storedMessage({ to: "+995555123456", body: BODY, delivery: live });
    const { provider, send } = providerThat(receipt);

    await expect(run(message, provider)).rejects.toBeInstanceOf(RetryLater);
    expect(send).not.toHaveBeenCalled();
    expect(message.states).toEqual([]);
  });

  it("gives up in ERROR, code masked, when every attempt died mid-send", async () => {
    const died = { state: "PROCESSING", attempts: 3, leaseExpireTime: new Date(NOW - 1) };
    const message = storedMessage({ to: "+995555123456", body: BODY, delivery: died });
    const { provider, send } = providerThat(receipt);
    await run(message, provider);

    expect(send).not.toHaveBeenCalled();
    expect(message.data()).toMatchObject({
      body: MASKED,
      delivery: { state: "ERROR", errorCode: "LEASE_EXPIRED", leaseExpireTime: null },
    });
  });

  it("does nothing for a message already delivered (a repeated event)", async () => {
    const done = { state: "SUCCESS", attempts: 1 };
    const message = storedMessage({ to: "+995555123456", body: MASKED, delivery: done });
    const { provider, send } = providerThat(receipt);
    await run(message, provider);

    expect(send).not.toHaveBeenCalled();
    expect(message.states).toEqual([]);
  });
});
