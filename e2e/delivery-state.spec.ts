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
  // The phone, the stronger of the two, is suggested and its code sent as the page opens;
  // email's code goes out only once it is chosen.
  const after = Date.now() - 1000;
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Couldn't deliver the message.")).toBeVisible();
  await expectNoViolations(page, "failed delivery");

  await page.getByRole("button", { name: "Use another method" }).click();
  await page.getByRole("button", { name: /^Email/ }).click();
  await expect(
    page.getByText(`We sent a code to ${account.email[0]}•••@example.com`),
  ).toBeVisible();
  await page
    .getByLabel("Verification code", { exact: true })
    .fill(await readCodeFromOutbox(account.email, after));
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});
