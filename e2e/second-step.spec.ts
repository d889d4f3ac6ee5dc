import type { Page } from "@playwright/test";
import {
  RECOVERY_CODES,
  readCodeFromOutbox,
  setConsecutiveFailures,
  twoFactorAccount,
  uniqueMobile,
} from "./accounts.js";
import { enterCode, expect, expectNoViolations, test, signInWithPassword } from "./fixtures.js";

const dashboard = (page: Page) => page.getByRole("heading", { name: "Dashboard", level: 1 });

test("signs in with a code sent by email, then uses the protected dashboard", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  // The only method is chosen and its code sent without asking.
  await expect(page.getByText(`${account.email[0]}•••@example.com`)).toBeVisible();
  await enterCode(page, await readCodeFromOutbox(account.email, after));
  await expect(dashboard(page)).toBeVisible();

  await page.getByLabel("Note", { exact: true }).fill("Quarterly numbers");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Quarterly numbers")).toBeVisible();
});

test("says 'Signing in as' until the second step is passed, with a way back", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  const header = page.getByRole("banner");
  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  await expect(header).toContainText(`Signing in as ${account.email}`);
  await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
  await enterCode(page, await readCodeFromOutbox(account.email, after));
  await expect(dashboard(page)).toBeVisible();
  await expect(header).toContainText(`Signed in as ${account.email}`);
  await header.getByRole("button", { name: "Sign out", exact: true }).click();
  // Signed out before the next sign-in starts: a signed-in browser is sent past /sign-in.
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();

  await signInWithPassword(page, account);
  await header.getByRole("button", { name: "Cancel sign-in" }).click();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
  await expect(header).not.toContainText(account.email);
});

test("signs in by SMS, suggested before email as the stronger method", async ({ page }) => {
  const phone = uniqueMobile();
  const account = await twoFactorAccount({ email2fa: true, phone });
  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  await expect(page.getByText(/We sent a code to \+995/)).toBeVisible();
  await enterCode(page, await readCodeFromOutbox(phone, after));
  await expect(dashboard(page)).toBeVisible();
});

test("signs in with a recovery code", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  await signInWithPassword(page, account);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code", { exact: true }).fill(RECOVERY_CODES[0]!.toLowerCase());
  // A recovery code is not sent as it is typed, whatever its length: Verify sends it.
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(dashboard(page)).toBeVisible();
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByText("9 of 10 recovery codes left")).toBeVisible();
});

test("a remembered device skips the second step; disabling still asks to verify", async ({
  page,
}) => {
  const account = await twoFactorAccount({ email2fa: true });
  let after = Date.now() - 1000;
  await signInWithPassword(page, account);
  await page.getByRole("checkbox", { name: "Remember this device for 30 days" }).check();
  await enterCode(page, await readCodeFromOutbox(account.email, after));
  await expect(dashboard(page)).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(dashboard(page)).toBeVisible();

  // A remembered device is not a fresh verification: disabling needs a step-up, asked in
  // the confirmation itself (one dialog, not two in a row), where verifying confirms.
  await page.getByRole("link", { name: "Security" }).click();
  const emailRow = page.getByRole("listitem", { name: "Email" });
  after = Date.now() - 1000;
  await emailRow.getByRole("button", { name: "Disable" }).click();
  const confirm = page.getByRole("dialog", { name: "Disable Email?" });
  await expect(confirm).toContainText("To confirm, verify it's you.");
  await expect(confirm.getByLabel("Verification code", { exact: true })).toBeVisible();
  await expectNoViolations(page, "confirmation with step-up");
  await enterCode(confirm, await readCodeFromOutbox(account.email, after));
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(emailRow.getByText("Disabled", { exact: true })).toBeVisible();
});

test("a 2FA change ends the remembered browser: the list drops it, the next sign-in says why", async ({
  page,
}) => {
  const phone = uniqueMobile();
  const account = await twoFactorAccount({ email2fa: true, phone });
  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  await page.getByRole("checkbox", { name: "Remember this device for 30 days" }).check();
  await enterCode(page, await readCodeFromOutbox(phone, after));
  await expect(dashboard(page)).toBeVisible();

  await page.getByRole("link", { name: "Security" }).click();
  const devices = page.getByRole("region", { name: "Remembered devices" });
  await expect(devices.getByText("This browser")).toBeVisible();
  // Just verified by SMS: turning SMS off needs no further step-up.
  await page
    .getByRole("listitem", { name: "Phone number" })
    .getByRole("button", { name: "Disable" })
    .click();
  await page
    .getByRole("dialog", { name: /Disable/ })
    .getByRole("button", { name: /Disable/ })
    .click();
  await expect(
    page.getByRole("listitem", { name: "Phone number" }).getByText("Disabled", { exact: true }),
  ).toBeVisible();
  await expect(devices.getByText("No remembered devices.")).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signInWithPassword(page, account);
  await expect(page.getByRole("status").filter({ hasText: "no longer remembered" })).toContainText(
    "a change to your password or two-factor settings",
  );
});

test("after revoking every remembered browser, focus stays in its section", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  await page.getByRole("checkbox", { name: "Remember this device for 30 days" }).check();
  await enterCode(page, await readCodeFromOutbox(account.email, after));
  await expect(dashboard(page)).toBeVisible();

  await page.getByRole("link", { name: "Security" }).click();
  const devices = page.getByRole("region", { name: "Remembered devices" });
  await devices.getByRole("button", { name: "Revoke all" }).click();
  await expect(devices.getByText("No remembered devices.")).toBeVisible();
  await expect(devices.getByRole("heading", { name: "Remembered devices" })).toBeFocused();
});

test("after its fifth wrong guess a code is dead: no Verify, and when a new one can come", async ({
  page,
}) => {
  const account = await twoFactorAccount({ email2fa: true });
  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  const code = await readCodeFromOutbox(account.email, after);
  const verify = page.getByRole("button", { name: "Verify", exact: true });
  for (let guess = 1; guess <= 5; guess += 1) {
    const wrong = String((Number(code) + guess) % 1_000_000).padStart(6, "0");
    await enterCode(page, wrong);
    // Each answer before the next guess: a guess typed while one is checked is not sent.
    const left = 5 - guess;
    await expect(page.getByRole("alert")).toContainText(
      left === 0 ? "That code is not correct" : `${left} attempt${left === 1 ? "" : "s"} left`,
    );
    if (left > 0) await expect(verify).toBeVisible();
  }
  await expect(verify).toHaveCount(0);
  await expect(page.getByText(/The code expires at/)).toHaveCount(0);
  await expect(
    page.getByText(/This code can't be used any more\. You can get a new one at/),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: /Resend code/ })).toBeVisible();
});

test("shows the lockout and when it ends", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  await setConsecutiveFailures(account.uid, 10, Date.now() + 15 * 60_000);
  await signInWithPassword(page, account);
  await expect(page.getByRole("alert")).toContainText("Verification is locked until");
});
