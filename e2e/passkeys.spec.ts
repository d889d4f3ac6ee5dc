import type { CDPSession, Page } from "@playwright/test";
import { acknowledgeRecoveryCodes, expect, expectNoViolations, signUp, test } from "./fixtures.js";

// WebAuthn refuses IP-address origins: these tests open the app by name. The preview
// server listens on 127.0.0.1:4173, which `localhost` reaches.
test.use({ baseURL: "http://localhost:4173" });

/**
 * Chromium's virtual authenticator: a passkey built into this "device", with user
 * verification that always succeeds, so the browser prompt answers by itself.
 */
async function addVirtualAuthenticator(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return cdp;
}

/**
 * The next browser passkey prompt fails as if the user closed it (or it timed out): the
 * browser's `NotAllowedError`, without waiting two minutes for a real timeout.
 */
async function cancelNextPasskeyPrompt(page: Page) {
  await page.evaluate(() => {
    const credentials = navigator.credentials;
    const original = credentials.get.bind(credentials);
    credentials.get = () => {
      credentials.get = original;
      return Promise.reject(
        new DOMException("The operation either timed out or was not allowed.", "NotAllowedError"),
      );
    };
  });
}

/** After "Sign out", which lands on the sign-in page once the session is gone. */
async function signIn(page: Page, account: { email: string; password: string }) {
  // Going to /sign-in straight after the click could find the session not yet ended,
  // and be sent on to the dashboard.
  await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** A protected page: after sign-in the app may land on the dashboard or the page left. */
const protectedPage = (page: Page) =>
  page.getByRole("heading", { name: /^(Dashboard|Security)$/, level: 1 });

test("registers, lists, uses, renames and removes a passkey", async ({ page, newAccount }) => {
  await addVirtualAuthenticator(page);
  await signUp(page, newAccount);
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();

  // Register a named key: the first method, so recovery codes come with it.
  const row = page.getByRole("listitem", { name: "Passkeys and security keys" });
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();
  await row.getByRole("button", { name: "Enable" }).click();
  const addDialog = page.getByRole("dialog", { name: "Add a passkey or security key" });
  await expect(addDialog).toBeVisible();
  const name = addDialog.getByRole("textbox", { name: "Name" });
  await expect(name).toBeFocused();
  await expect(name).toHaveValue("Security key");
  await expectNoViolations(page, "add passkey dialog");

  await name.fill("");
  await addDialog.getByRole("button", { name: "Continue" }).click();
  await expect(addDialog.getByText("Give the key a name.")).toBeVisible();
  await expectNoViolations(page, "add passkey dialog with a missing name");

  await name.fill("Work laptop");
  await addDialog.getByRole("button", { name: "Continue" }).click();
  await expect(addDialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText("“Work laptop” has been added.");
  await expect(page.getByText("Save your recovery codes")).toBeVisible();
  await acknowledgeRecoveryCodes(page);
  await expect(row.getByText("Enabled", { exact: true })).toBeVisible();
  await expect(row.getByText("1 key", { exact: true })).toBeVisible();

  const keys = row.getByRole("list", { name: "Your passkeys and security keys" });
  const key = keys.getByRole("listitem", { name: "Work laptop" });
  await expect(key).toBeVisible();
  await expect(key).toContainText("Not used yet");
  await expectNoViolations(page, "security page with a passkey");

  // Sign in with it: a closed prompt says so and offers to try again.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, newAccount);
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
  const usePasskey = page.getByRole("button", { name: "Use your passkey" });
  await expect(usePasskey).toBeFocused();
  await expect(page.getByRole("button", { name: "Use a recovery code" })).toBeVisible();
  await expectNoViolations(page, "second step with a passkey");

  await page.getByRole("checkbox", { name: "Remember this device for 30 days" }).check();
  await cancelNextPasskeyPrompt(page);
  await usePasskey.click();
  await expect(page.getByRole("alert")).toContainText(
    "The passkey prompt was closed or timed out.",
  );
  const tryAgain = page.getByRole("button", { name: "Try again" });
  await expect(tryAgain).toBeFocused();
  await expect(page.getByRole("button", { name: "Use a recovery code" })).toBeVisible();
  await expectNoViolations(page, "second step after a cancelled passkey prompt");
  await tryAgain.click();
  await expect(protectedPage(page)).toBeVisible();

  // Remembered: the next sign-in skips the second step, so removing a key needs step-up.
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await signIn(page, newAccount);
  await expect(protectedPage(page)).toBeVisible();
  await page.getByRole("link", { name: "Security" }).click();
  await expect(key).toBeVisible();
  await expect(key).not.toContainText("Not used yet");

  // A remembered device has no recent verification: adding a key asks "Confirm it's you"
  // before anything else, and cancelling it adds nothing.
  await row.getByRole("button", { name: "Add a key" }).click();
  const confirmFirst = page.getByRole("dialog", { name: "Confirm it's you" });
  await expect(confirmFirst).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirmFirst).toBeHidden();
  await expect(page.getByRole("dialog", { name: "Add a passkey or security key" })).toBeHidden();

  // Rename.
  await key.getByRole("button", { name: "Rename" }).click();
  const renameDialog = page.getByRole("dialog", { name: "Rename “Work laptop”" });
  await expect(renameDialog).toBeVisible();
  await expectNoViolations(page, "rename passkey dialog");
  await renameDialog.getByRole("textbox", { name: "Name" }).fill("Blue key");
  await renameDialog.getByRole("button", { name: "Save" }).click();
  await expect(renameDialog).toBeHidden();
  await expect(page.getByRole("status")).toContainText("The key is now called “Blue key”.");
  const renamed = keys.getByRole("listitem", { name: "Blue key" });
  await expect(renamed).toBeVisible();

  // Remove: confirmed by verifying again with the passkey itself, in the one dialog.
  await renamed.getByRole("button", { name: "Remove" }).click();
  const confirm = page.getByRole("dialog", { name: "Remove “Blue key”?" });
  await expect(confirm).toContainText("your only method");
  await expect(confirm).toContainText("To confirm, verify it's you.");
  await expect(confirm.getByRole("button", { name: "Use your passkey" })).toBeFocused();
  await expectNoViolations(page, "remove passkey confirmation with a passkey step-up");
  await confirm.getByRole("button", { name: "Use your passkey" }).click();
  await expect(confirm).toBeHidden();
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByRole("status")).toContainText("“Blue key” has been removed.");
  await expect(row.getByText("Disabled", { exact: true })).toBeVisible();

  // Every change is in the activity log, with the key's name. The only key turned the
  // method on, and removing it turned the method off.
  const activity = page.getByRole("region", { name: "Security activity" });
  await expect(activity.getByText("Two-factor method enabled").first()).toBeVisible();
  await expect(activity.getByText("Passkey or security key renamed").first()).toBeVisible();
  await expect(activity.getByText("Two-factor method disabled").first()).toBeVisible();
  await expect(activity.getByText("Key: Blue key").first()).toBeVisible();
});
