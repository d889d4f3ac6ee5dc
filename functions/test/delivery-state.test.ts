import { describe, expect, it } from "vitest";
import type { DeliveryState } from "@dash2fa/shared";
import {
  deliveryState,
  mirrorId,
  readCarriedCode,
  supersedes,
  type CarriedCode,
} from "../src/outbound/delivery-mirror.js";

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

describe("supersedes: what may replace the mirror", () => {
  const code = { expiresAt: 2_000 };
  it("writes the first state of any code", () => {
    expect(supersedes(undefined, code, "sent")).toBe(true);
  });

  it("moves a code's state forward only", () => {
    const at = (state: DeliveryState) => ({ state, codeExpiresAt: 2_000 });
    expect(supersedes(at("sending"), code, "sent")).toBe(true);
    expect(supersedes(at("sent"), code, "delivered")).toBe(true);
    expect(supersedes(at("sent"), code, "failed")).toBe(true);
    expect(supersedes(at("sent"), code, "sent")).toBe(false);
    expect(supersedes(at("delivered"), code, "sent")).toBe(false);
    expect(supersedes(at("delivered"), code, "failed")).toBe(false);
    expect(supersedes(at("failed"), code, "delivered")).toBe(false);
  });

  it("lets a newer code replace an older one's final state, never the reverse", () => {
    expect(supersedes({ state: "delivered", codeExpiresAt: 1_999 }, code, "sending")).toBe(true);
    expect(supersedes({ state: "sending", codeExpiresAt: 2_001 }, code, "delivered")).toBe(false);
  });
});

describe("readCarriedCode", () => {
  const carried = { uid: "u1", purpose: "sign-in", method: "phone", expiresAt: 5 };
  it("reads the code an outbound document carries", () => {
    expect(readCarriedCode(carried)).toEqual(carried);
    expect(mirrorId(carried as CarriedCode)).toBe("sign-in_phone");
  });

  it.each([
    undefined,
    "u1",
    { ...carried, uid: "" },
    { ...carried, uid: "a/b" },
    { ...carried, purpose: "login" },
    { ...carried, method: "totp" },
    { ...carried, expiresAt: "5" },
  ])("ignores %j, which names no code's owner", (value) => {
    expect(readCarriedCode(value)).toBeUndefined();
  });
});
