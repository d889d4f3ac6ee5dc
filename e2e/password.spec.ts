import type { Page } from "@playwright/test";
import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import { RECOVERY_CODES, twoFactorAccount } from "./accounts.js";
import { expect, expectNoViolations, readFromInbox, signUp, test } from "./fixtures.js";

const LINK_SENT =
  "If an account uses that address, we sent it a link to choose a new password. The link works for 30 minutes.";
const EMAIL_NOT_AFTER_RESET =
  "Your password was just reset through your email, so email can't be your second step this time. Use another method or a recovery code.";
const NEW_PASSWORD = "a fresh and longer passphrase";

/** The token of the newest reset link sent to `address`. */
const readResetTokenFromInbox = (address: string, after: number) =>
  readFromInbox(address, /\/reset-password\?token=([A-Za-z0-9_-]{43})/, "a reset link", after);

async function signIn(page: Page, account: { email: string; password: string }) {
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** The page the sign-in page links to for a forgotten password. */
async function openForgotPassword(page: Page) {
  await page.goto("/sign-in");
  await page.getByRole("link", { name: "Forgot password?" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password", level: 1 })).toBeVisible();
}

/** Asks for a reset link and returns what the page answered. */
async function requestResetLink(page: Page, email: string): Promise<string | null> {
  await page.getByLabel("Email", { exact: true }).fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const answer = page.getByRole("status").filter({ hasText: /\S/ });
  await expect(answer).toBeVisible();
  await expect(answer).toBeFocused();
  return answer.textContent();
}

test("a user without 2FA changes the password; only the new one signs in", async ({
  page,
  newAccount,
}) => {
  await signUp(page, newAccount);
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();

  const section = page.getByRole("region", { name: "Password", exact: true });
  await section.getByRole("button", { name: "Change password" }).click();
  const current = section.getByLabel("Current password", { exact: true });
  await expect(current).toBeFocused();
  await expectNoViolations(page, "security page with the password form");

  await current.fill("not the password");
  await section.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByText("The current password is not correct.")).toBeVisible();
  await expect(current).toBeFocused();

  await current.fill(newAccount.password);
  await section.getByRole("button", { name: "Change password" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "Your password was changed. Every other session was signed out.",
  );
  await expect(section.getByLabel("Current password")).toBeHidden();
  // The re-issued session still reads protected data.
  await page.reload();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await signIn(page, newAccount);
  await expect(page.getByRole("alert")).toHaveText("Incorrect email or password.");
  await signIn(page, { email: newAccount.email, password: NEW_PASSWORD });
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
});

test("a reset by email link still asks for the second step, and not by email", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  const after = Date.now() - 1000;
  await openForgotPassword(page);
  await expectNoViolations(page, "forgot password");
  expect(await requestResetLink(page, account.email)).toBe(LINK_SENT);
  await expectNoViolations(page, "forgot password, link sent");

  const token = await readResetTokenFromInbox(account.email, after);
  await page.goto(`/reset-password?token=${token}`);
  await expect(
    page.getByRole("heading", { name: "Choose a new password", level: 1 }),
  ).toBeVisible();
  await expectNoViolations(page, "reset password");
  await page.getByLabel("New password", { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Save new password" }).click();
  const outcome = page.getByRole("status");
  await expect(outcome).toContainText("Your password was changed.");
  await expect(outcome).toContainText(
    "When you sign in, verify with another method or a recovery code: email can't be your second step this time.",
  );
  await expectNoViolations(page, "reset password, changed");

  // The link works once.
  await page.reload();
  await page.getByLabel("New password", { exact: true }).fill("yet another passphrase");
  await page.getByRole("button", { name: "Save new password" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "This link has expired or was already used. Ask for a new one.",
  );
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();

  await page.goto("/sign-in");
  await signIn(page, { email: account.email, password: NEW_PASSWORD });
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  // Email is the only method: the code it would send is refused, a recovery code is not.
  await expect(page.getByRole("alert")).toHaveText(EMAIL_NOT_AFTER_RESET);
  await page.getByRole("button", { name: "Use a recovery code" }).click();
  await page.getByLabel("Recovery code", { exact: true }).fill(RECOVERY_CODES[0]!);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Dashboard", level: 1 })).toBeVisible();
});

test("the answer is the same whether or not an account uses the address", async ({
  page,
  newAccount,
}) => {
  const app = getApps()[0] ?? initializeApp({ projectId: "demo-2fa" });
  await getAuth(app).createUser(newAccount);

  await openForgotPassword(page);
  const known = await requestResetLink(page, newAccount.email);
  await openForgotPassword(page);
  const unknown = await requestResetLink(page, `nobody-${Date.now()}@example.com`);
  expect(unknown).toBe(LINK_SENT);
  expect(known).toBe(unknown);
});

test("a link without a valid token offers a new one", async ({ page }) => {
  await page.goto("/reset-password?token=not-a-token");
  await expect(page.getByRole("alert")).toHaveText(
    "This link has expired or was already used. Ask for a new one.",
  );
  await page.getByRole("link", { name: "Ask for a new link" }).click();
  await expect(page.getByRole("heading", { name: "Reset your password", level: 1 })).toBeVisible();
});
