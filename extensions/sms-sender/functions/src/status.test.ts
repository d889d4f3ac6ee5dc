import { describe, expect, it } from "vitest";
import { nextStatus, receiptUpdate } from "./status.js";

describe("nextStatus", () => {
  it.each([
    ["queued", "sent", "sent"],
    ["accepted", "queued", "queued"],
    ["sent", "delivered", "delivered"],
    ["sent", "undelivered", "undelivered"],
    ["queued", "failed", "failed"],
    ["queued", "delivered", "delivered"],
    ["delivered", "read", "read"],
    [undefined, "sent", "sent"],
    [null, "delivered", "delivered"],
  ])("moves %s forward to %s", (current, incoming, expected) => {
    expect(nextStatus(current, incoming)).toBe(expected);
  });

  it.each([
    ["sent", "queued"],
    ["delivered", "sent"],
    ["delivered", "queued"],
    ["undelivered", "sent"],
    ["delivered", "undelivered"],
    ["undelivered", "delivered"],
    ["failed", "delivered"],
    ["undelivered", "read"],
    ["sent", "sent"],
  ])("never moves %s to %s", (current, incoming) => {
    expect(nextStatus(current, incoming)).toBeNull();
  });

  it("ignores statuses it does not know, even inherited property names", () => {
    expect(nextStatus("sent", "exploded")).toBeNull();
    expect(nextStatus("sent", "constructor")).toBeNull();
    expect(nextStatus("sent", "toString")).toBeNull();
  });
});

describe("receiptUpdate", () => {
  it("records a delivery", () => {
    expect(receiptUpdate("sent", { status: "delivered", errorCode: null })).toEqual({
      "delivery.info.status": "delivered",
    });
  });

  it("records a failure with the network's code and its meaning", () => {
    expect(receiptUpdate("sent", { status: "undelivered", errorCode: "30003" })).toEqual({
      "delivery.info.status": "undelivered",
      "delivery.errorCode": "30003",
      "delivery.errorMessage": "Unreachable destination handset",
    });
    expect(receiptUpdate("queued", { status: "failed", errorCode: "30999" })).toEqual({
      "delivery.info.status": "failed",
      "delivery.errorCode": "30999",
      "delivery.errorMessage": "Message failed",
    });
  });

  it("changes nothing for a late receipt", () => {
    expect(receiptUpdate("delivered", { status: "sent", errorCode: null })).toBeNull();
  });
});
