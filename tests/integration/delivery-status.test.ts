import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { DeliveryStatusResult } from "@dash2fa/shared";
import { httpsCallable } from "firebase/functions";
import { getFunctions } from "firebase/functions";
import { newUser, refusalOf, sendAndReadCode, waitFor, type TestUser } from "../support/clients.js";
import { FUNCTIONS_REGION } from "@dash2fa/shared";

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
});
afterEach(() => user.dispose());

async function status(input: unknown): Promise<DeliveryStatusResult> {
  const functions = getFunctions(user.auth.app, FUNCTIONS_REGION);
  return (await httpsCallable<unknown, DeliveryStatusResult>(functions, "getDeliveryStatus")(input))
    .data;
}

describe("live delivery state", () => {
  it("follows the email carrying the code to delivered, and reveals nothing else", async () => {
    await sendAndReadCode(user);
    const final = await waitFor(async () => {
      const result = await status({ purpose: "enroll", method: "email" });
      return result.state === "delivered" ? result : undefined;
    }, "delivered");
    expect(final).toEqual({ state: "delivered" });
  });

  it("reports a text that could not be delivered as failed", async () => {
    await sendAndReadCode(
      user,
      { purpose: "enroll", method: "phone", destination: "+995599000000" },
      "+995599000000",
    );
    const final = await waitFor(async () => {
      const result = await status({ purpose: "enroll", method: "phone" });
      // "sent" is on the way: the network's receipt decides.
      return result.state === "failed" || result.state === "delivered" ? result : undefined;
    }, "a final state");
    expect(final).toEqual({ state: "failed" });
  });

  it("refuses when no code is pending, and malformed input", async () => {
    expect((await refusalOf(status({ purpose: "sign-in", method: "email" }))).details.reason).toBe(
      "no-active-code",
    );
    expect((await refusalOf(status({ purpose: "enroll", method: "email", uid: "x" }))).code).toBe(
      "functions/invalid-argument",
    );
  });
});
