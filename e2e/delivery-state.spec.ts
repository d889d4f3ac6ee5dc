import { readCodeFromOutbox, twoFactorAccount } from "./accounts.js";
import { expect, expectNoViolations, signUp, test } from "./fixtures.js";

/** Numbers ending in 000000 are an unreachable handset in the development SMS outbox. */
const UNREACHABLE = "+995599000000";

test("the verify dialog follows the message to Delivered", async ({ page, newAccount }) => {
  await signUp(page, newAccount);
  await page
    .getByRole("listitem", { name: "Email" })
    .getByRole("button", { name: "Enable" })
    .click();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("dialog").getByText("Delivered", { exact: true })).toBeVisible();
});

test("a text that cannot be delivered says so, and sign-in offers the other method", async ({
  page,
}) => {
  const account = await twoFactorAccount({ email2fa: true, phone: UNREACHABLE });
  // Email, the last used method, gets its code as the page opens; switching back to it
  // later reuses that code while it is valid.
  const after = Date.now() - 1000;
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByRole("radio", { name: /Phone number/ }).check();
  await expect(page.getByText("Couldn't deliver the message.")).toBeVisible();
  await expectNoViolations(page, "failed delivery");

  await page.getByRole("button", { name: "Use another method" }).click();
  await expect(page.getByRole("radio", { name: /Email/ })).toBeChecked();
  await page
    .getByLabel("Verification code", { exact: true })
    .fill(await readCodeFromOutbox(account.email, after));
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});
