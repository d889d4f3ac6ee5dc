import type { Page } from "@playwright/test";
import { readCodeFromOutbox, twoFactorAccount } from "./accounts.js";
import {
  acknowledgeRecoveryCodes,
  enterCode,
  expect,
  expectNoViolations,
  signUp,
  test,
} from "./fixtures.js";

test("every page and dialog state has no axe violations", async ({ page, newAccount }) => {
  await page.goto("/sign-in");
  await expectNoViolations(page, "sign-in");
  await page.getByLabel("Email", { exact: true }).fill("nobody@example.com");
  await page.getByLabel("Password", { exact: true }).fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toBeVisible();
  await expectNoViolations(page, "sign-in with an error");

  await page.goto("/sign-up");
  await expectNoViolations(page, "sign-up");
  await signUp(page, newAccount);
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await expect(page.getByText("Disabled").first()).toBeVisible();
  await expectNoViolations(page, "security page");

  await page
    .getByRole("listitem", { name: "Email" })
    .getByRole("button", { name: "Enable" })
    .click();
  await expectNoViolations(page, "email form");
  const after = Date.now() - 1000;
  await page.getByRole("button", { name: "Send code" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await expectNoViolations(page, "verify dialog");
  await dialog.getByLabel("Verification code", { exact: true }).fill("00000");
  await dialog.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(dialog.getByRole("alert")).toBeVisible();
  await expectNoViolations(page, "verify dialog with an error");
  await enterCode(dialog, await readCodeFromOutbox(newAccount.email, after));
  await expect(page.getByText("Save your recovery codes")).toBeVisible();
  await expectNoViolations(page, "recovery codes shown once");
  await acknowledgeRecoveryCodes(page);

  await page
    .getByRole("listitem", { name: "Phone number" })
    .getByRole("button", { name: "Enable" })
    .click();
  await expectNoViolations(page, "phone form");

  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
  await expectNoViolations(page, "dashboard");

  await page.goto("/dev/outbox");
  await expect(page.getByRole("heading", { name: "Development outbox" })).toBeVisible();
  // Every message a developer needs, newest first: here the notice after the code.
  const rows = page.getByRole("row").filter({ hasText: newAccount.email });
  await expect(rows.first()).toContainText("Two-factor authentication was turned on");
  await expect(rows.nth(1)).toContainText("verification code");
  await expectNoViolations(page, "development outbox");

  await page.getByLabel("Language").selectOption({ label: "ქართული" });
  await page.goto("/security");
  await expect(page.getByRole("heading", { name: "უსაფრთხოება", level: 1 })).toBeVisible();
  await expectNoViolations(page, "security page in Georgian");
});

test("the sign-in second step has no axe violations", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true, phone: "+995555000111" });
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await expect(page.getByLabel("Verification code", { exact: true })).toBeVisible();
  await expectNoViolations(page, "second step");
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await expect(page.getByLabel("Recovery code", { exact: true })).toBeVisible();
  await expectNoViolations(page, "second step with a recovery code");
});

test("enrolling and signing in work with the keyboard alone", async ({ page, newAccount }) => {
  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).focus();
  await page.keyboard.type(newAccount.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(newAccount.password);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();

  const enable = page
    .getByRole("listitem", { name: "Email" })
    .getByRole("button", { name: "Enable" });
  await tabTo(page, enable);
  await page.keyboard.press("Enter");
  const send = page.getByRole("button", { name: "Send code" });
  await tabTo(page, send);
  const after = Date.now() - 1000;
  await page.keyboard.press("Enter");
  const code = page.getByLabel("Verification code", { exact: true });
  await expect(code).toBeFocused();
  // Escape cancels and gives focus back to what opened the dialog.
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toBeHidden();
  await expect(send).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(code).toBeFocused();
  await page.keyboard.type(await readCodeFromOutbox(newAccount.email, after));
  // The sixth digit submits.
  await expect(page.getByText("Save your recovery codes")).toBeVisible();

  const signOut = page.getByRole("button", { name: "Sign out", exact: true });
  // The codes' step keeps focus until the person says they saved them.
  await tabTo(page, page.getByRole("checkbox", { name: "I have saved these codes" }));
  await page.keyboard.press("Space");
  await tabTo(page, page.getByRole("button", { name: "Continue" }));
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toBeHidden();
  await tabTo(page, signOut);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).focus();
  await page.keyboard.type(newAccount.email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(newAccount.password);
  const signInAfter = Date.now() - 1000;
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  await tabTo(page, page.getByLabel("Verification code", { exact: true }));
  await page.keyboard.type(await readCodeFromOutbox(newAccount.email, signInAfter));
  // Back on the page the user signed out from, the second step done.
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeHidden();
});

/** Presses Tab until `target` has focus (at most 40 times), as a keyboard user would. */
async function tabTo(page: Page, target: ReturnType<Page["getByRole"]>) {
  for (let i = 0; i < 40; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press("Tab");
  }
  await expect(target).toBeFocused();
}
