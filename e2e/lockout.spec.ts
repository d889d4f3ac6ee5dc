import type { Page } from "@playwright/test";
import { Secret, TOTP } from "otpauth";
import { RECOVERY_CODES, twoFactorAccount } from "./accounts.js";
import {
  chooseAnotherMethod,
  expect,
  expectNoViolations,
  test,
  signInWithPassword,
} from "./fixtures.js";

/** A protected page: after sign-in the app may land on the dashboard or the page left. */
const protectedPage = (page: Page) =>
  page.getByRole("heading", { name: /^(Dashboard|Security)$/, level: 1 });
const appPrompt = "Enter the 6-digit code from your authenticator app.";
const wrongAppCode =
  "That code is not correct. Enter the code your authenticator app shows for this account now, and check that your phone's clock is right.";
/** A time today, or a day and time when the lock ends tomorrow. */
const lockedUntil = /Verification is locked until (\S+ )?\d{1,2}:\d{2}\.$/;

/**
 * Six-digit codes the app's secret does not show now nor in the next few minutes (the
 * server accepts one 30-second step either side), so each is certainly wrong.
 */
function wrongAppCodes(secret: string, count: number): string[] {
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });
  const step = Math.floor(Date.now() / 30_000);
  const shown = new Set(
    Array.from({ length: 14 }, (_, i) => totp.generate({ timestamp: (step - 3 + i) * 30_000 })),
  );
  const codes: string[] = [];
  for (let n = 0; codes.length < count; n += 1) {
    const code = String((123_456 + n * 111_111) % 1_000_000).padStart(6, "0");
    if (!shown.has(code) && !codes.includes(code)) codes.push(code);
  }
  return codes;
}

/** Types an app code and presses Verify; resolves once the server has answered. */
async function enterAppCode(page: Page, code: string) {
  const answered = page.waitForResponse(
    (response) => response.url().endsWith("/verifyCode") && response.request().method() === "POST",
  );
  await page.getByLabel("Verification code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await answered;
}

test("wrong app codes warn of the lock; locked, a recovery code still signs in", async ({
  page,
}) => {
  const secret = new Secret({ size: 20 }).base32;
  const account = await twoFactorAccount({ email2fa: true, totpSecret: secret });
  // Ten wrong codes in a row lock verification by code (lockoutPolicy.softThreshold).
  const wrong = wrongAppCodes(secret, 10);

  await signInWithPassword(page, account);
  await expect(page.getByText(appPrompt)).toBeVisible();
  const alert = page.getByRole("alert");
  const verify = page.getByRole("button", { name: "Verify", exact: true });

  // Far from the lock a wrong code says only that it is wrong, but each time anew: the
  // same words come in a new alert, which a screen reader announces again.
  await enterAppCode(page, wrong[0]!);
  await expect(alert).toHaveText(wrongAppCode);
  const firstAlert = await alert.elementHandle();
  await expect(verify).toHaveAttribute("aria-busy", "false");
  await enterAppCode(page, wrong[1]!);
  await expect(verify).toHaveAttribute("aria-busy", "false");
  await expect.poll(() => firstAlert?.evaluate((node) => node.isConnected)).toBe(false);
  await expect(alert).toHaveText(wrongAppCode);

  for (const [index, code] of wrong.slice(2, 9).entries()) {
    await expect(verify).toHaveAttribute("aria-busy", "false");
    await enterAppCode(page, code);
    // Failures 3 to 9: from five tries left the warning counts them down.
    const triesLeft = 10 - (index + 3);
    if (triesLeft > 5) {
      await expect(alert).toHaveText(wrongAppCode);
    } else {
      const tries = triesLeft === 1 ? "1 try" : `${triesLeft} tries`;
      await expect(alert).toHaveText(
        `${wrongAppCode} ${tries} left before verification locks for 15 minutes.`,
      );
    }
    if (triesLeft === 3) await expectNoViolations(page, "second step warning of the lock");
  }

  // The tenth locks: until when, and what still works instead of any code.
  await expect(verify).toHaveAttribute("aria-busy", "false");
  await enterAppCode(page, wrong[9]!);
  await expect(alert).toHaveText(/^That code is not correct\. Too many wrong codes\. /);
  await expect(alert).toHaveText(lockedUntil);
  await expect(
    page.getByText(
      "You can still verify with a recovery code. Codes work again when the lock ends.",
    ),
  ).toBeVisible();
  const useRecoveryCode = page.getByRole("button", { name: "Use a recovery code" });
  await expect(useRecoveryCode).toBeFocused();
  await expect(page.getByLabel("Verification code", { exact: true })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Use another method" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Try sending again" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Resend code/ })).toHaveCount(0);
  await expectNoViolations(page, "second step locked after wrong app codes");

  // A reload forgets what the page was told; email, chosen now, is refused by the lock,
  // which then shows the same way, with no 'Try sending again'.
  await page.reload();
  await expect(page.getByText(appPrompt)).toBeVisible();
  await chooseAnotherMethod(page, "Email");
  await expect(alert).toHaveText(/^Too many wrong codes\. /);
  await expect(alert).toHaveText(lockedUntil);
  await expect(page.getByRole("button", { name: "Try sending again" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Resend code/ })).toHaveCount(0);
  await expect(useRecoveryCode).toBeVisible();
  await expectNoViolations(page, "second step locked when email was chosen");

  // The lock never stops a recovery code.
  await useRecoveryCode.click();
  await page.getByLabel("Recovery code", { exact: true }).fill(RECOVERY_CODES[0]!);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(protectedPage(page)).toBeVisible();
});
