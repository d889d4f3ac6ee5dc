import { Timestamp } from "firebase-admin/firestore";
import { DAY_MS, MINUTE_MS, collections, sendLimits } from "@dash2fa/shared";
import { adminDb } from "../tests/support/clients.js";
import { readCodeFromOutbox, twoFactorAccount } from "./accounts.js";
import { expect, expectNoViolations, test, signInWithPassword } from "./fixtures.js";

/**
 * The account already had its codes for the short window, as that many sign-ins a few
 * minutes ago would have left it (each real send waits out a one-minute cooldown).
 */
async function spendAccountLimit(uid: string) {
  const now = Date.now();
  const { max } = sendLimits.perUserShort;
  const sends = Array.from({ length: max }, (_, i) => now - (max - i) * MINUTE_MS);
  await adminDb()
    .collection(collections.rateLimits)
    .doc(`user_${uid}`)
    .set({ sends, expireAt: Timestamp.fromMillis(now + DAY_MS) });
}

test("a refused code names the limit; the development outbox resets it and the code goes", async ({
  page,
}) => {
  const account = await twoFactorAccount({ email2fa: true });
  await spendAccountLimit(account.uid);
  await signInWithPassword(page, account);

  // The only method's code is sent without asking, and refused by the account's limit.
  const refused = page.getByRole("alert");
  await expect(refused).toContainText(
    /You've asked for 5 codes in 15 minutes for this account\. Try again at (\w+ )?\d{2}:\d{2}\./,
  );
  await expect(refused).toContainText(
    "Testing with the emulators? The Development outbox page (/dev/outbox) can reset the sending limits.",
  );

  await page
    .getByRole("navigation", { name: "Developer tools" })
    .getByRole("link", { name: "Development outbox" })
    .click();
  await expect(page.getByRole("heading", { name: "Development outbox", level: 1 })).toBeVisible();
  const reset = page.getByRole("button", { name: "Reset sending limits" });
  await expect(reset).toHaveAccessibleDescription(/every lock after wrong codes/);
  await reset.click();
  await expect(
    page.getByRole("status").filter({ hasText: "Sending limits and code locks were reset." }),
  ).toHaveText("Sending limits and code locks were reset. Codes can be sent again.");
  await expectNoViolations(page, "development outbox after a reset");

  // Back on the second step, the code goes out this time.
  const after = Date.now() - 1000;
  await page.goBack();
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await expect(page.getByText(`${account.email[0]}•••@example.com`)).toBeVisible();
  await expect(page.getByRole("alert")).toHaveCount(0);
  await page
    .getByLabel("Verification code", { exact: true })
    .fill(await readCodeFromOutbox(account.email, after));
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});
