import { describe, expect, it } from "vitest";
import { deliveryState } from "../src/verification/get-delivery-status.js";

describe("deliveryState", () => {
  it.each([
    [undefined, "sending"],
    [{ state: "PENDING" }, "sending"],
    [{ state: "PROCESSING" }, "sending"],
    [{ state: "SUCCESS", info: { messageId: "<x>" } }, "delivered"],
    [{ state: "SUCCESS", info: { status: "queued" } }, "sent"],
    [{ state: "SUCCESS", info: { status: "sent" } }, "sent"],
    [{ state: "SUCCESS", info: { status: "delivered" } }, "delivered"],
    [{ state: "SUCCESS", info: { status: "undelivered" } }, "failed"],
    [{ state: "ERROR", error: "boom" }, "failed"],
  ])("reads %j as %s", (delivery, expected) => {
    expect(deliveryState(delivery)).toBe(expected);
  });
});
