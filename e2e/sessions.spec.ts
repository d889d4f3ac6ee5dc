import type { Page } from "@playwright/test";
import { readCodeFromOutbox, twoFactorAccount } from "./accounts.js";
import { expect, expectNoViolations, test } from "./fixtures.js";

/** Password, then the emailed code (the form submits itself once the code is complete). */
async function signInWithEmailCode(page: Page, account: { email: string; password: string }) {
  // No slack before now: the browser before this one may have had its code a moment ago,
  // and that code must not be taken for this one's.
  const after = Date.now();
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  const code = await readCodeFromOutbox(account.email, after);
  await page.getByLabel("Verification code", { exact: true }).fill(code);
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
}

const sessionsSection = (page: Page) =>
  page.getByRole("region", { name: "Where you're signed in" });

test("one browser signs another out; the other is sent to sign in again, and told why", async ({
  page,
  browser,
}) => {
  const account = await twoFactorAccount({ email2fa: true });
  await signInWithEmailCode(page, account);

  // A second browser, with its own storage: another session of the same account.
  const elsewhere = await browser.newContext();
  const other = await elsewhere.newPage();
  await signInWithEmailCode(other, account);

  await page.getByRole("link", { name: "Security" }).click();
  const section = sessionsSection(page);
  const sessions = section.getByRole("list", { name: "Signed-in sessions" }).getByRole("listitem");
  await expect(sessions).toHaveCount(2);
  // This browser first, marked; each with when it signed in, was last seen, and how.
  await expect(sessions.first()).toContainText("This browser");
  await expect(sessions.nth(1)).not.toContainText("This browser");
  await expect(sessions.nth(1)).toContainText("Second step");
  await expect(sessions.nth(1)).toContainText("Email");
  await expectNoViolations(page, "security page listing two sessions");

  // Signed in moments ago, so no step-up is asked before ending the other session.
  await sessions
    .nth(1)
    .getByRole("button", { name: /^Sign out of / })
    .click();
  await expect(section.getByText("1 session signed out.")).toBeVisible();
  await expect(sessions).toHaveCount(1);
  await expect(section.getByText("You're signed in only here.")).toBeVisible();

  // Its next request: the other browser is signed out and told why.
  await other.reload();
  await expect(other.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await expect(other.getByRole("status")).toHaveText(
    "You were signed out: this session was ended from another session.",
  );
  await other.goto("/security");
  await expect(other.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();

  // This browser carries on.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await elsewhere.close();
});

test("signing out of all other sessions leaves only this one", async ({ page, browser }) => {
  const account = await twoFactorAccount({ email2fa: true });
  await signInWithEmailCode(page, account);
  const contexts = [await browser.newContext(), await browser.newContext()];
  const others = await Promise.all(contexts.map((context) => context.newPage()));
  for (const other of others) await signInWithEmailCode(other, account);

  await page.getByRole("link", { name: "Security" }).click();
  const section = sessionsSection(page);
  await expect(section.getByRole("listitem")).toHaveCount(3);
  await section.getByRole("button", { name: "Sign out of all other sessions" }).click();
  await expect(section.getByText("2 sessions signed out.")).toBeVisible();
  await expect(section.getByRole("listitem")).toHaveCount(1);

  // Using the page is the next request: a click in the dashboard is enough.
  for (const other of others) {
    await other.getByRole("link", { name: "Security" }).click();
    await expect(other.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  }
  await Promise.all(contexts.map((context) => context.close()));
});

test("signing out here ends this session on the server too", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  await signInWithEmailCode(page, account);
  const elsewhere = await page.context().browser()!.newContext();
  const other = await elsewhere.newPage();
  await signInWithEmailCode(other, account);

  await other.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(other.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();

  await page.getByRole("link", { name: "Security" }).click();
  await expect(sessionsSection(page).getByRole("listitem")).toHaveCount(1);
  await elsewhere.close();
});
