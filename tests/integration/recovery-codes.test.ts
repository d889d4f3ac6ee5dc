import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { collections, lockoutPolicy } from "@dash2fa/shared";
import {
  adminDb,
  enableEmail,
  newUser,
  openSession,
  refusalOf,
  stepUpByEmail,
  type TestUser,
  waitFor,
} from "../support/clients.js";

let user: TestUser;
let codes: string[];
const extra: TestUser[] = [];
beforeEach(async () => {
  user = await newUser();
  codes = (await enableEmail(user)).recoveryCodes ?? [];
});
afterEach(async () => {
  await Promise.all([user, ...extra.splice(0)].map((s) => s.dispose()));
});

async function freshBrowser() {
  const browser = await openSession(user.email);
  extra.push(browser);
  return browser;
}

describe("recovery codes", () => {
  it("come as 10 distinct codes of 80 bits, stored only as hashes", async () => {
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^([0-9A-Z]{4}-){3}[0-9A-Z]{4}$/);
    const stored = await adminDb().collection(collections.recoveryCodes).doc(user.uid).get();
    const text = JSON.stringify(stored.data());
    for (const code of codes) expect(text).not.toContain(code.replaceAll("-", ""));
  });

  it("sign a user in once each, and the count goes down", async () => {
    const browser = await freshBrowser();
    const result = await browser.useRecoveryCode({ purpose: "sign-in", code: codes[0] });
    expect(result.recoveryCodesRemaining).toBe(9);
    await browser.upgrade(result);
    expect(await browser.claims()).toMatchObject({ mfa: "recovery-code" });

    const replay = await refusalOf(
      (await freshBrowser()).useRecoveryCode({ purpose: "sign-in", code: codes[0] }),
    );
    expect(replay.details.reason).toBe("wrong-recovery-code");
    const status = await adminDb().collection(collections.twoFactor).doc(user.uid).get();
    expect(status.get("recoveryCodesRemaining")).toBe(9);
  });

  it("refresh a step-up once each, and the count goes down", async () => {
    const before = Math.floor(Date.now() / 1000);
    const result = await user.useRecoveryCode({ purpose: "step-up", code: codes[2] });
    expect(result.recoveryCodesRemaining).toBe(9);
    await user.upgrade(result);
    const claims = await user.claims();
    expect(claims.mfa).toBe("recovery-code");
    expect(claims.mfaAt).toBeGreaterThanOrEqual(before);
    const status = await adminDb().collection(collections.twoFactor).doc(user.uid).get();
    expect(status.get("recoveryCodesRemaining")).toBe(9);
    expect(
      (await refusalOf(user.useRecoveryCode({ purpose: "step-up", code: codes[2] }))).details
        .reason,
    ).toBe("wrong-recovery-code");
  });

  it("stop working when a new set is generated", async () => {
    await stepUpByEmail(user);
    const fresh = await user.regenerateRecoveryCodes();
    expect(fresh.recoveryCodes).toHaveLength(10);
    const browser = await freshBrowser();
    expect(
      (await refusalOf(browser.useRecoveryCode({ purpose: "sign-in", code: codes[1] }))).details
        .reason,
    ).toBe("wrong-recovery-code");
    await expect(
      browser.useRecoveryCode({ purpose: "sign-in", code: fresh.recoveryCodes[1] }),
    ).resolves.toMatchObject({ recoveryCodesRemaining: 9 });
  });

  it("lock after 5 wrong ones in a row, then even a right one waits", async () => {
    const browser = await freshBrowser();
    for (let left = lockoutPolicy.recoveryCodeThreshold - 1; left >= 0; left -= 1) {
      const refused = await refusalOf(
        browser.useRecoveryCode({ purpose: "sign-in", code: "AAAA-BBBB-CCCC-DDDD" }),
      );
      expect(refused.details).toMatchObject({ reason: "wrong-recovery-code", attemptsLeft: left });
    }
    const locked = await refusalOf(browser.useRecoveryCode({ purpose: "sign-in", code: codes[2] }));
    expect(locked).toMatchObject({
      code: "functions/resource-exhausted",
      details: { reason: "recovery-codes-locked" },
    });
    expect(locked.details.retryAt).toBeGreaterThan(Date.now() + 14 * 60_000);
  });

  it("notify the account address when one is used", async () => {
    await (await freshBrowser()).useRecoveryCode({ purpose: "sign-in", code: codes[3] });
    const mail = await adminDb().collection(collections.mail).where("to", "==", user.email).get();
    const notice = mail.docs.find((d) =>
      String(d.get("message.subject")).includes("A recovery code was used"),
    );
    expect(notice?.get("message.text")).toContain("9 of your recovery codes are left.");
    expect(notice?.get("message.text")).toContain("Wasn't you?");
  });

  it("notify the account address when a new set is generated, with a link to review it", async () => {
    await stepUpByEmail(user);
    await user.regenerateRecoveryCodes();
    const notice = await waitFor(async () => {
      const mail = await adminDb().collection(collections.mail).where("to", "==", user.email).get();
      return mail.docs.find((d) =>
        String(d.get("message.subject")).includes("New recovery codes were generated"),
      );
    }, "the notice of new recovery codes");
    const text = String(notice.get("message.text"));
    // What changed, when, what to do if it wasn't them, and where.
    expect(text).toContain("New recovery codes were generated for your Dashboard account.");
    expect(text).toContain("The codes you had before no longer work.");
    expect(text).toMatch(/When: .*\d{4}.* UTC\./);
    expect(text).toContain("Wasn't you?");
    expect(text).toContain("Your Security page: http://localhost:5173/security");
    expect(notice.get("message.html")).toContain('<a href="http://localhost:5173/security"');
  });

  it("cannot be used by another account", async () => {
    const other = await newUser();
    extra.push(other);
    await enableEmail(other);
    const stranger = await openSession(other.email);
    extra.push(stranger);
    expect(
      (await refusalOf(stranger.useRecoveryCode({ purpose: "sign-in", code: codes[4] }))).details
        .reason,
    ).toBe("wrong-recovery-code");
  });
});
