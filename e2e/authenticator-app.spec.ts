import type { Page } from "@playwright/test";
import { Secret } from "otpauth";
import { readCodeFromOutbox, twoFactorAccount } from "./accounts.js";
import { AuthenticatorApp } from "./authenticator.js";
import {
  acknowledgeRecoveryCodes,
  chooseAnotherMethod,
  enterCode,
  expect,
  expectNoViolations,
  signUp,
  test,
  signInWithPassword,
} from "./fixtures.js";

const dashboard = (page: Page) => page.getByRole("heading", { name: "Dashboard", level: 1 });
/** A protected page: after sign-in the app may land on the dashboard or the page left. */
const protectedPage = (page: Page) =>
  page.getByRole("heading", { name: /^(Dashboard|Security)$/, level: 1 });
const appPrompt = "Enter the 6-digit code from your authenticator app.";

test("sets up the authenticator app with its QR code and key, then signs in with it", async ({
  page,
  newAccount,
}) => {
  await signUp(page, newAccount);
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  const row = page.getByRole("listitem", { name: "Authenticator app" });
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  await expectNoViolations(page, "security page with every method");

  await row.getByRole("button", { name: "Enable" }).click();
  const dialog = page.getByRole("dialog", { name: "Set up the authenticator app" });
  await expect(dialog).toBeVisible();
  await expect(
    dialog.getByRole("img", { name: "QR code that adds your account to an authenticator app" }),
  ).toBeVisible();
  await expect(dialog.getByRole("button", { name: "Copy key" })).toBeVisible();
  // Nothing is sent for the app: no resend, no delivery state.
  await expect(dialog.getByText(appPrompt)).toBeVisible();
  await expect(dialog.getByRole("button", { name: /Resend code/ })).toHaveCount(0);
  await expect(dialog.getByLabel("Verification code", { exact: true })).toBeFocused();
  await expectNoViolations(page, "authenticator app setup");

  // The key as shown, in groups of four, is what a person would type into the app.
  const shownKey = (await dialog.locator("code").textContent()) ?? "";
  expect(shownKey).toMatch(/^[A-Z2-7]{4}( [A-Z2-7]{1,4})+$/);
  const app = new AuthenticatorApp(shownKey);

  // A full code submits itself, here and below: no click on Verify.
  await enterCode(dialog, "000000");
  await expect(dialog.getByRole("alert")).toContainText("That code is not correct.");
  await expectNoViolations(page, "authenticator app setup with a wrong code");

  await enterCode(dialog, await app.nextCode());
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText(
    "Two-factor authentication has been successfully activated.",
  );
  await expect(page.getByText("Save your recovery codes")).toBeVisible();
  await expect(
    page.getByRole("list", { name: "Your recovery codes" }).getByRole("listitem"),
  ).toHaveCount(10);
  await expect(row.getByText("Enabled", { exact: true })).toBeVisible();
  await expectNoViolations(page, "recovery codes after setting up the app");
  await acknowledgeRecoveryCodes(page);

  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Signed out once the sign-in page shows; going there sooner could find the session.
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await signInWithPassword(page, newAccount);
  await expect(page.getByText(appPrompt)).toBeVisible();
  await expect(page.getByRole("button", { name: /Resend code/ })).toHaveCount(0);
  // The only method: nothing else to choose.
  await expect(page.getByRole("button", { name: "Use another method" })).toHaveCount(0);
  await expectNoViolations(page, "second step with the authenticator app");
  await enterCode(page, await app.nextCode());
  await expect(protectedPage(page)).toBeVisible();
});

test("suggests the app before email, offers email instead, and refuses a used code", async ({
  page,
}) => {
  const secret = new Secret({ size: 20 }).base32;
  const account = await twoFactorAccount({ email2fa: true, totpSecret: secret });
  const app = new AuthenticatorApp(secret);

  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  // The stronger method comes first, and nothing was sent for it.
  await expect(page.getByText(appPrompt)).toBeVisible();

  await page.getByRole("button", { name: "Use another method" }).click();
  const chooser = page.getByRole("group", { name: "Choose another way to verify" });
  await expect(chooser).toBeVisible();
  const emailChoice = chooser.getByRole("button", { name: /^Email/ });
  await expect(emailChoice).toBeFocused();
  await expect(emailChoice).toContainText(`${account.email[0]}•••@example.com`);
  await expectNoViolations(page, "method chooser");

  await emailChoice.click();
  await expect(
    page.getByText(`We sent a code to ${account.email[0]}•••@example.com`),
  ).toBeVisible();
  const emailCode = await readCodeFromOutbox(account.email, after);
  expect(emailCode).toMatch(/^\d{6}$/);

  // Back to the app, and in with it; "remember this device" stays available.
  await chooseAnotherMethod(page, "Authenticator app");
  await expect(page.getByText(appPrompt)).toBeVisible();
  await expect(
    page.getByRole("checkbox", { name: "Remember this device for 30 days" }),
  ).toBeVisible();
  await enterCode(page, await app.nextCode());
  await expect(dashboard(page)).toBeVisible();

  // The same code again, still within its time window, is refused as used.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  // Signed out once the sign-in page shows; going there sooner could find the session.
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await signInWithPassword(page, account);
  await enterCode(page, app.lastCode());
  await expect(page.getByRole("alert")).toContainText("That code was already used.");
  await expectNoViolations(page, "second step with a used app code");

  await enterCode(page, await app.nextCode());
  await expect(dashboard(page)).toBeVisible();

  // The activity log names the method.
  await page.getByRole("link", { name: "Security" }).click();
  await expect(
    page
      .getByRole("region", { name: "Security activity" })
      .getByText("Authenticator app", { exact: false })
      .first(),
  ).toBeVisible();
});

test("a reload resumes the method chosen, with the code already sent", async ({ page }) => {
  const secret = new Secret({ size: 20 }).base32;
  const account = await twoFactorAccount({ email2fa: true, totpSecret: secret });
  const after = Date.now() - 1000;
  await signInWithPassword(page, account);
  await expect(page.getByText(appPrompt)).toBeVisible();
  await chooseAnotherMethod(page, "Email");
  const sentTo = page.getByText(`We sent a code to ${account.email[0]}•••@example.com`);
  await expect(sentTo).toBeVisible();
  const code = await readCodeFromOutbox(account.email, after);

  await page.reload();
  // Still Email, with the code on its way: not the app, where this code would fail.
  await expect(sentTo).toBeVisible();
  await expect(page.getByText(appPrompt)).toHaveCount(0);
  await enterCode(page, code);
  await expect(protectedPage(page)).toBeVisible();
});
