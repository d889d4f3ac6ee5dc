import { readCodeFromOutbox, twoFactorAccount, uniqueMobile } from "./accounts.js";
import { expect, expectNoViolations, signUp, test } from "./fixtures.js";

/** Numbers ending in 000000 are an unreachable handset in the development SMS outbox. */
const UNREACHABLE = "+995599000000";

test("the verify dialog follows the message to Delivered", async ({ page, newAccount }) => {
  // The dialog listens to the delivery state: it does not ask the server for it again and again.
  const asked: string[] = [];
  page.on("request", (request) => {
    if (request.url().includes("/getDeliveryStatus")) asked.push(request.url());
  });
  await signUp(page, newAccount);
  await page
    .getByRole("listitem", { name: "Email" })
    .getByRole("button", { name: "Enable" })
    .click();
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("dialog").getByText("Delivered", { exact: true })).toBeVisible();
  // Longer than the 1.5 s the dialog used to wait between two questions.
  await page.waitForTimeout(2000);
  expect(asked).toEqual([]);
});

test("a text that cannot be delivered says so, and sign-in offers the other method first", async ({
  page,
}) => {
  const account = await twoFactorAccount({ email2fa: true, phone: UNREACHABLE });
  // The phone, the method enabled last, is preselected and its code sent as the page opens;
  // email's code goes out only once it is chosen.
  const after = Date.now() - 1000;
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "We couldn't deliver the text message to +995",
  );
  await expect(page.getByRole("alert")).toContainText("The number may be wrong");
  // A code that never arrived: no expiry to read, and the way out comes first, once.
  await expect(page.getByText(/^The code expires at/)).toHaveCount(0);
  const other = page.getByRole("button", { name: "Use another method" });
  await expect(other).toHaveCount(1);
  await expect(other).toHaveClass(/button-primary/);
  await expectNoViolations(page, "failed delivery");

  await other.click();
  await page.getByRole("button", { name: /^Email/ }).click();
  await expect(
    page.getByText(`We sent a code to ${account.email[0]}•••@example.com`),
  ).toBeVisible();
  await page
    .getByLabel("Verification code", { exact: true })
    .fill(await readCodeFromOutbox(account.email, after));
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});

test("an unreachable number while enrolling: change it at once, without waiting", async ({
  page,
  newAccount,
}) => {
  await signUp(page, newAccount);
  await page
    .getByRole("listitem", { name: "Phone number" })
    .getByRole("button", { name: "Enable" })
    .click();
  const number = page.getByRole("textbox", { name: "Phone number" });
  await number.fill(UNREACHABLE);
  await page.getByRole("button", { name: "Send code" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog.getByRole("alert")).toContainText("The number may be wrong");
  await expectNoViolations(page, "failed delivery while enrolling");
  await dialog.getByRole("button", { name: "Change the number" }).click();
  await expect(dialog).toHaveCount(0);

  // The form still holds the number, to correct; the new one gets its code at once.
  await expect(number).toHaveValue(/599/);
  const reachable = uniqueMobile();
  const after = Date.now() - 1000;
  await number.fill(reachable);
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByRole("dialog").getByText("Delivered", { exact: true })).toBeVisible();
  await page
    .getByLabel("Verification code", { exact: true })
    .fill(await readCodeFromOutbox(reachable, after));
  await expect(
    page.getByRole("listitem", { name: "Phone number" }).getByText("Enabled", { exact: true }),
  ).toBeVisible();
});
