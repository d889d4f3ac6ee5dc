import { describe, expect, it } from "vitest";
import {
  REMOVE,
  backoffMs,
  decideClaim,
  readMessage,
  settle,
  withRedaction,
  type SendOutcome,
} from "./delivery.js";

const NOW = 1_800_000_000_000;
const policy = { maxAttempts: 3, leaseMs: 30_000 };

const receipt = {
  sid: "SM0123",
  status: "queued",
  dateCreated: new Date(NOW),
  dateSent: null,
  dateUpdated: new Date(NOW),
  messagingServiceSid: "MG0123",
  numSegments: "1",
};
const sent: SendOutcome = { kind: "sent", receipt };
const down: SendOutcome = {
  kind: "failed",
  error: { code: "PROVIDER_UNREACHABLE", message: "connect ECONNREFUSED", retryable: true },
};
const refused: SendOutcome = {
  kind: "failed",
  error: { code: "21211", message: "Invalid 'To' number", retryable: false },
};

describe("decideClaim", () => {
  it("records a new message as PENDING before anything else", () => {
    const decision = decideClaim(undefined, NOW, policy);
    expect(decision).toEqual({
      kind: "queue",
      update: {
        delivery: {
          state: "PENDING",
          startTime: new Date(NOW),
          endTime: null,
          attempts: 0,
          leaseExpireTime: null,
          errorCode: null,
          errorMessage: null,
          info: null,
        },
      },
    });
  });

  it("claims a PENDING message as the next attempt, under a lease", () => {
    expect(decideClaim({ state: "PENDING", attempts: 0 }, NOW, policy)).toEqual({
      kind: "claim",
      attempt: 1,
      update: {
        "delivery.state": "PROCESSING",
        "delivery.attempts": 1,
        "delivery.leaseExpireTime": new Date(NOW + 30_000),
      },
    });
  });

  it.each(["SUCCESS", "ERROR"])("leaves a %s message alone", (state) => {
    expect(decideClaim({ state, attempts: 1 }, NOW, policy)).toEqual({ kind: "done" });
  });

  it("waits while another attempt's lease runs, to the millisecond", () => {
    const leased = { state: "PROCESSING", attempts: 1, leaseExpiresAtMs: NOW + 1 };
    expect(decideClaim(leased, NOW, policy)).toEqual({ kind: "busy", leaseLeftMs: 1 });
    const expired = { ...leased, leaseExpiresAtMs: NOW };
    expect(decideClaim(expired, NOW, policy)).toMatchObject({ kind: "claim", attempt: 2 });
  });

  it("gives a message up, in ERROR, once its attempts died with their leases", () => {
    const died = { state: "PROCESSING", attempts: 3, leaseExpiresAtMs: NOW - 1 };
    expect(decideClaim(died, NOW, policy)).toEqual({
      kind: "give-up",
      update: {
        "delivery.state": "ERROR",
        "delivery.endTime": new Date(NOW),
        "delivery.leaseExpireTime": null,
        "delivery.errorCode": "LEASE_EXPIRED",
        "delivery.errorMessage": "Gave up after 3 attempts that did not finish",
      },
    });
    expect(decideClaim({ ...died, attempts: 2 }, NOW, policy)).toMatchObject({
      kind: "claim",
      attempt: 3,
    });
  });
});

describe("settle", () => {
  const holding = { state: "PROCESSING", attempts: 1, leaseExpiresAtMs: NOW + 10_000 };

  it("records a sent message as SUCCESS with the provider's receipt", () => {
    expect(settle(holding, 1, sent, NOW, policy)).toEqual({
      kind: "final",
      update: {
        "delivery.state": "SUCCESS",
        "delivery.endTime": new Date(NOW),
        "delivery.leaseExpireTime": null,
        "delivery.errorCode": null,
        "delivery.errorMessage": null,
        "delivery.info": {
          messageSid: "SM0123",
          status: "queued",
          dateCreated: new Date(NOW),
          dateSent: null,
          dateUpdated: new Date(NOW),
          messagingServiceSid: "MG0123",
          numSegments: "1",
        },
      },
    });
  });

  it("ends a refused message in ERROR at once, with the provider's code", () => {
    expect(settle(holding, 1, refused, NOW, policy)).toEqual({
      kind: "final",
      update: {
        "delivery.state": "ERROR",
        "delivery.endTime": new Date(NOW),
        "delivery.leaseExpireTime": null,
        "delivery.errorCode": "21211",
        "delivery.errorMessage": "Invalid 'To' number",
      },
    });
  });

  it("puts a message back to PENDING after a provider failure while attempts remain", () => {
    expect(settle(holding, 1, down, NOW, policy)).toEqual({
      kind: "retry",
      afterMs: 1000,
      update: {
        "delivery.state": "PENDING",
        "delivery.leaseExpireTime": null,
        "delivery.errorCode": "PROVIDER_UNREACHABLE",
        "delivery.errorMessage": "connect ECONNREFUSED",
      },
    });
  });

  it("ends in ERROR when the last attempt fails too", () => {
    const last = { ...holding, attempts: 3 };
    expect(settle(last, 3, down, NOW, policy)).toMatchObject({
      kind: "final",
      update: { "delivery.state": "ERROR", "delivery.errorCode": "PROVIDER_UNREACHABLE" },
    });
  });

  it("writes nothing over a message already settled", () => {
    expect(settle({ state: "SUCCESS", attempts: 2 }, 1, sent, NOW, policy)).toEqual({
      kind: "superseded",
    });
    expect(settle({ state: "ERROR", attempts: 1 }, 1, down, NOW, policy)).toEqual({
      kind: "superseded",
    });
  });

  it("leaves a failure to the newer attempt that took the message over", () => {
    const takenOver = { state: "PROCESSING", attempts: 2, leaseExpiresAtMs: NOW + 5000 };
    expect(settle(takenOver, 1, refused, NOW, policy)).toEqual({ kind: "superseded" });
    // A message that was sent is recorded all the same: it is on its way.
    expect(settle(takenOver, 1, sent, NOW, policy).kind).toBe("final");
  });
});

describe("backoffMs", () => {
  it("waits 1 s, 3 s, then 9 s between attempts", () => {
    expect([1, 2, 3].map(backoffMs)).toEqual([1000, 3000, 9000]);
  });
});

describe("withRedaction", () => {
  const document = { to: "+995555123456", body: "123456 is your code\n\n@host #123456" };
  const final = { "delivery.state": "SUCCESS" };

  it("masks every code in the body, records when, and drops the deadline", () => {
    expect(withRedaction(final, document, /\b\d{6}\b/g, NOW)).toEqual({
      "delivery.state": "SUCCESS",
      body: "•••••• is your code\n\n@host #••••••",
      redactedAt: new Date(NOW),
      redactBy: REMOVE,
    });
  });

  it("keeps the body when masking is off", () => {
    expect(withRedaction(final, document, null, NOW)).toBe(final);
  });

  it("does not mask the phone number's digits", () => {
    const update = withRedaction(final, document, /\b\d{6}\b/g, NOW);
    expect(update).not.toHaveProperty("to");
  });
});

describe("readMessage", () => {
  it("takes `to` and `body` and ignores other fields", () => {
    expect(readMessage({ to: " +995555123456 ", body: "hi", from: "+1", mediaUrl: "x" })).toEqual({
      ok: true,
      to: "+995555123456",
      body: "hi",
    });
  });

  it.each([
    [{ body: "hi" }, "No `to` number"],
    [{ to: 995555123456, body: "hi" }, "No `to` number"],
    [{ to: "+995555123456" }, "No `body` text"],
    [{ to: "+995555123456", body: "" }, "No `body` text"],
  ])("refuses %j", (document, message) => {
    expect(readMessage(document)).toEqual({
      ok: false,
      error: { code: "INVALID_MESSAGE", message },
    });
  });
});
