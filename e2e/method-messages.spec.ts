import type { Page } from "@playwright/test";
import { readCodeFromOutbox } from "./accounts.js";
import { AuthenticatorApp } from "./authenticator.js";
import {
  enableEmailTwoFactor,
  expect,
  expectNoViolations,
  readFromInbox,
  signUp,
  test,
} from "./fixtures.js";

const section = (page: Page) => page.getByRole("region", { name: "Two-factor authentication" });
/** The section's own notice, not a row's live region. */
const notice = (page: Page) => section(page).locator(':scope > [role="status"]');

/**
 * Disables `method` from its row and confirms. When the session's last verification is too
 * old, confirming is verifying: the code emailed to `email` since `after` answers it,
 * whether the question and the verification share one dialog or come one after the other.
 */
async function disableMethod(page: Page, method: string, email: string, after: number) {
  await page
    .getByRole("listitem", { name: method })
    .getByRole("button", { name: `Disable ${method}` })
    .click();
  const confirm = page.getByRole("dialog", { name: `Disable ${method}?` });
  await expect(confirm).toBeVisible();
  const confirmButton = confirm.getByRole("button", { name: `Disable ${method}` });
  if (await confirmButton.isVisible()) await confirmButton.click();
  const codeField = page.getByRole("dialog").getByLabel("Verification code", { exact: true });
  await expect(codeField.or(notice(page).getByText(/ has been disabled\./))).toBeVisible();
  if (await codeField.isVisible()) {
    await codeField.fill(await readCodeFromOutbox(email, after));
    await expect(page.getByRole("dialog")).toBeHidden();
  }
}

test("the Security page names a method added to 2FA, and the one turned off with what still protects the account", async ({
  page,
  newAccount,
}) => {
  await signUp(page, newAccount);
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  const emailRow = page.getByRole("listitem", { name: "Email" });
  const appRow = page.getByRole("listitem", { name: "Authenticator app" });

  // The first method turns 2FA on: the product's own sentence.
  await enableEmailTwoFactor(page, newAccount.email);
  await expect(notice(page)).toHaveText(
    "Two-factor authentication has been successfully activated.",
  );

  // A second method is added to 2FA, already on: the message names it.
  let after = Date.now() - 1_000;
  await appRow.getByRole("button", { name: "Enable" }).click();
  const stepUp = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(stepUp).toBeVisible();
  await stepUp
    .getByLabel("Verification code", { exact: true })
    .fill(await readCodeFromOutbox(newAccount.email, after));
  const setup = page.getByRole("dialog", { name: "Set up the authenticator app" });
  await expect(setup).toBeVisible();
  const app = new AuthenticatorApp((await setup.locator("code").textContent()) ?? "");
  await setup.getByLabel("Verification code", { exact: true }).fill(await app.nextCode());
  await expect(setup).toBeHidden();
  const added =
    "The authenticator app has been added. You can now use it for the second step when you sign in.";
  await expect(notice(page)).toHaveText(added);
  await expect(appRow.getByText("Enabled", { exact: true })).toBeVisible();
  await expectNoViolations(page, "the message after adding a second method");

  // Email goes, the app stays: the message says which went and what still protects.
  after = Date.now() - 1_000;
  await disableMethod(page, "Email", newAccount.email, after);
  await expect(notice(page)).toHaveText(
    "Email has been disabled. Your account is still protected by two-factor authentication. Still on: Authenticator app.",
  );
  await expect(notice(page)).not.toContainText("is now off");
  await expect(emailRow.getByText("Disabled", { exact: true })).toBeVisible();
  await expectNoViolations(page, "the message after disabling one of two methods");

  // The email says the same, and links the Security page.
  const removal = await readFromInbox(
    newAccount.email,
    /(Two-factor authentication by email was removed[\s\S]*)/,
    "the notice of the removed method",
    after,
  );
  expect(removal).toContain(
    "Your account is still protected: two-factor authentication stays on with your authenticator app.",
  );
  expect(removal).toMatch(/Your Security page: https?:\/\/\S+\/security/);

  // In Georgian, the same message in the page's words.
  await page.getByLabel("Language").selectOption({ label: "ქართული" });
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  await expect(
    page.getByRole("region", { name: "ორმაგი ავტორიზაცია" }).locator(':scope > [role="status"]'),
  ).toHaveText(
    "ელფოსტა გამოირთო. თქვენი ანგარიში კვლავ დაცულია ორმაგი ავტორიზაციით. ჩართული რჩება: ავტორიზაციის აპლიკაცია.",
  );
  await expectNoViolations(page, "the message after disabling, in Georgian");
});

test("turning off the last method names it and says 2FA is now off", async ({
  page,
  newAccount,
}) => {
  await signUp(page, newAccount);
  await enableEmailTwoFactor(page, newAccount.email);
  await expect(notice(page)).toHaveText(
    "Two-factor authentication has been successfully activated.",
  );

  const after = Date.now() - 1_000;
  await disableMethod(page, "Email", newAccount.email, after);
  await expect(notice(page)).toHaveText(
    "Email has been disabled. Two-factor authentication is now off.",
  );
  await expect(notice(page)).not.toContainText("still protected");
});
