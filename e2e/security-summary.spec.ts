import { readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { readCodeFromOutbox, twoFactorAccount, uniqueMobile } from "./accounts.js";
import {
  enterCode,
  enterEmailTwoFactorCode,
  expect,
  expectNoViolations,
  signInWithPassword,
  signUp,
  test,
} from "./fixtures.js";

const overview = (page: Page) => page.getByRole("region", { name: "Overview" });
const dashboard = (page: Page) => page.getByRole("heading", { name: "Dashboard", level: 1 });

/** A recovery code as the Security page shows it: four groups of four. */
const RECOVERY_CODE = /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/;

test("the overview says 2FA is off, then on with one method, after the codes were saved", async ({
  page,
  newAccount,
}) => {
  await signUp(page, newAccount);
  const summary = overview(page);
  await expect(summary.getByRole("definition").first()).toHaveText("Off");
  await expect(summary).toContainText("Methods enabledNone yet");
  await expect(summary).toContainText("Preferred methodNone");
  await expectNoViolations(page, "the overview with 2FA off");

  // The codes come in a step of their own, which says what just happened.
  const codesStep = await enterEmailTwoFactorCode(page, newAccount.email);
  await expect(codesStep).toContainText(
    "Two-factor authentication has been successfully activated.",
  );
  await expect(codesStep.getByRole("heading", { name: "Save your recovery codes" })).toBeFocused();
  const shown = await codesStep
    .getByRole("list", { name: "Your recovery codes" })
    .getByRole("listitem")
    .allTextContents();
  expect(shown).toHaveLength(10);
  for (const code of shown) expect(code).toMatch(RECOVERY_CODE);
  await expectNoViolations(page, "the recovery codes step");

  // Download gives a text file with the same ten codes.
  const downloading = page.waitForEvent("download");
  await codesStep.getByRole("button", { name: "Download" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe("dashboard-recovery-codes.txt");
  const file = readFileSync(await download.path(), "utf8");
  const codesInFile = file.split("\n").filter((line) => RECOVERY_CODE.test(line));
  expect(codesInFile).toEqual(shown);
  expect(file).toContain(newAccount.email);

  // Print prints the codes alone, not the page under the dialog.
  await codesStep.getByRole("button", { name: "Print" }).click();
  const printed = page.frameLocator('iframe[title="Dashboard recovery codes"]');
  await expect(printed.getByRole("listitem")).toHaveText(shown);
  await expect(printed.locator("body")).not.toContainText("Security");

  // Escape does not lose the codes, and Continue waits for the acknowledgement.
  await page.keyboard.press("Escape");
  await expect(codesStep).toBeVisible();
  await codesStep.getByRole("button", { name: "Continue" }).click();
  await expect(codesStep).toBeVisible();
  await expect(codesStep.getByRole("alert")).toHaveText(
    "Confirm that you have saved the codes before you continue.",
  );
  const saved = codesStep.getByRole("checkbox", { name: "I have saved these codes" });
  await expect(saved).toBeFocused();
  await expect(saved).toHaveAttribute("aria-invalid", "true");
  await expectNoViolations(page, "the recovery codes step before the acknowledgement");

  await saved.check();
  await expect(codesStep.getByRole("alert")).toBeHidden();
  await codesStep.getByRole("button", { name: "Continue" }).click();
  await expect(codesStep).toBeHidden();

  await expect(summary.getByRole("heading", { name: "Overview" })).toBeFocused();
  await expect(summary.getByRole("definition").first()).toHaveText("On");
  await expect(summary).toContainText("Methods enabled1 of 4");
  await expect(summary).toContainText("Preferred methodEmail");
  await expect(summary).toContainText("Enable another to have a choice.");
  await expectNoViolations(page, "the overview with one method");
});

test("the preferred method chosen on the Security page opens the next sign-in's second step", async ({
  page,
}) => {
  // Two sign-ins, each waiting for a delivered code.
  test.setTimeout(120_000);
  const phone = uniqueMobile();
  const account = await twoFactorAccount({ email2fa: true, phone });
  let after = Date.now() - 1000;
  await signInWithPassword(page, account);
  // Before any choice: the method used last (the phone, enabled last).
  await expect(page.getByText(/We sent a code to \+995\s5/)).toBeVisible({ timeout: 20_000 });
  await enterCode(page, await readCodeFromOutbox(phone, after));
  await expect(dashboard(page)).toBeVisible();

  await page.getByRole("link", { name: "Security" }).click();
  const summary = overview(page);
  await expect(summary.getByRole("definition").first()).toHaveText("On");
  await expect(summary).toContainText("Methods enabled2 of 4");
  const preferred = summary.getByRole("combobox", { name: "Preferred method" });
  await expect(preferred).toHaveValue("phone");
  await expect(preferred).toHaveAccessibleDescription(
    "Until you choose, sign-in asks first for the method you used last.",
  );
  await expect(preferred.getByRole("option")).toHaveText(["Email", "Phone number"]);
  await expectNoViolations(page, "the overview with two methods");

  await preferred.selectOption("email");
  await summary.getByRole("button", { name: "Save" }).click();
  await expect(summary).toContainText("Sign-in now asks first for: Email.");
  await expect(preferred).toHaveAccessibleDescription(
    "Sign-in asks for this method first; you can always pick another there.",
  );
  await expectNoViolations(page, "the overview after choosing a method");

  // The choice is stored, not only shown.
  await page.reload();
  await expect(overview(page).getByRole("combobox", { name: "Preferred method" })).toHaveValue(
    "email",
  );

  await page.getByRole("banner").getByRole("button", { name: "Sign out", exact: true }).click();
  after = Date.now() - 1000;
  await signInWithPassword(page, account);
  // The second step opens on email, not on the stronger phone the person used last.
  const emailShown = page.getByText(`${account.email[0]}•••@example.com`);
  await expect(emailShown).toBeVisible();
  await expect(page.getByText(/\+995/)).toHaveCount(0);
  // A method chosen as preferred is a pick: its code went out as the page opened.
  await expect(page.getByRole("button", { name: "Send code", exact: true })).toHaveCount(0);
  await enterCode(page, await readCodeFromOutbox(account.email, after));
  await expect(dashboard(page)).toBeVisible();
});
