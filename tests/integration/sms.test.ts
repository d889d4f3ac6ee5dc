import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  sendAndReadCode,
  waitFor,
  type TestUser,
} from "../support/clients.js";

let user: TestUser;
beforeEach(async () => {
  user = await newUser();
});
afterEach(() => user.dispose());

/** A Georgian mobile number no other test uses (per-destination limits are global). */
const uniqueMobile = () => `+995555${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;

describe("enabling SMS 2FA", () => {
  it("texts the code through the SMS extension and enables the phone", async () => {
    const phone = uniqueMobile();
    const national = `${phone.slice(4, 7)} ${phone.slice(7, 9)}-${phone.slice(9)}`;
    const { code, result, outboundId } = await sendAndReadCode(
      user,
      { purpose: "enroll", method: "phone", destination: national },
      phone,
    );
    expect(result.maskedDestination).toBe(`+995 ${phone[4]}•• ••• •${phone.slice(-2)}`);

    const delivered = await waitFor(async () => {
      const doc = await adminDb().collection(collections.messages).doc(outboundId).get();
      const done = doc.get("redactedAt") && doc.get("delivery.info.status") === "delivered";
      return done ? doc.data() : undefined;
    }, "delivery and redaction of the SMS");
    expect(delivered).toMatchObject({
      to: phone,
      delivery: { state: "SUCCESS", info: { status: "delivered" } },
    });
    expect(String(delivered?.body)).not.toContain(code);
    expect(String(delivered?.body)).toMatch(/Dashboard[\s\S]*\n@localhost #••••••$/);

    const verified = await user.verify({ purpose: "enroll", method: "phone", code });
    expect(verified).toMatchObject({ method: "phone", recoveryCodes: expect.any(Array) });
    const status = await adminDb().collection(collections.twoFactor).doc(user.uid).get();
    expect(status.get("methods.phone")).toMatchObject({ enabled: true });
    const destinations = await adminDb()
      .collection(collections.twoFactorDestinations)
      .doc(user.uid)
      .get();
    expect(destinations.get("phone")).toBe(phone);
  });

  it.each([
    ["a landline", "+995 322 12 34 56"],
    ["a country off the allow-list", "+1 415 555 0123"],
    ["letters", "call me"],
  ])("refuses %s with invalid-argument and sends nothing", async (_name, destination) => {
    const before = (await adminDb().collection(collections.messages).count().get()).data().count;
    const refused = await refusalOf(user.send({ purpose: "enroll", method: "phone", destination }));
    expect(refused.code).toBe("functions/invalid-argument");
    const after = (await adminDb().collection(collections.messages).count().get()).data().count;
    expect(after).toBe(before);
  });

  it("records an undeliverable text as undelivered in the extension's delivery field", async () => {
    const { outboundId } = await sendAndReadCode(
      user,
      { purpose: "enroll", method: "phone", destination: "+995599000000" },
      "+995599000000",
    );
    // The provider takes the message (SUCCESS); the network's receipt says it never
    // reached the handset.
    const delivery = await waitFor(async () => {
      const doc = await adminDb().collection(collections.messages).doc(outboundId).get();
      const status = doc.get("delivery.info.status");
      return status === "undelivered" || status === "delivered" ? doc.get("delivery") : undefined;
    }, "the handset's receipt");
    expect(delivery).toMatchObject({
      state: "SUCCESS",
      errorCode: "30003",
      info: { status: "undelivered" },
    });
  });

  it("needs the second step before a 2FA user adds a method", async () => {
    await enableEmail(user);
    const stale = await openSession(user.email);
    try {
      const refused = await refusalOf(
        stale.send({ purpose: "enroll", method: "phone", destination: uniqueMobile() }),
      );
      expect(refused.details.reason).toBe("second-step-required");
    } finally {
      await stale.dispose();
    }
  });
});
