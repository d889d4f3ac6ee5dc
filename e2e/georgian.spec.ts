import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import type { Page } from "@playwright/test";
import { readCodeFromOutbox, twoFactorAccount } from "./accounts.js";
import { expect, expectNoViolations, test } from "./fixtures.js";

const db = () => getFirestore(getApps()[0] ?? initializeApp({ projectId: "demo-2fa" }));

/**
 * Picks Georgian on the sign-in page, signs in with the password and the emailed code,
 * and, if asked, has this device remembered.
 */
async function signInInGeorgian(
  page: Page,
  account: { email: string; password: string },
  rememberDevice = false,
) {
  await page.goto("/sign-in");
  await page.getByLabel("Language").selectOption({ label: "ქართული" });
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  await page.getByLabel("ელფოსტა", { exact: true }).fill(account.email);
  await page.getByLabel("პაროლი", { exact: true }).fill(account.password);
  const after = Date.now() - 1000;
  await page.getByRole("button", { name: "შესვლა", exact: true }).click();

  await expect(page.getByRole("heading", { name: "დაადასტურეთ, რომ ეს თქვენ ხართ" })).toBeVisible();
  if (rememberDevice) {
    await page.getByRole("checkbox", { name: /ამ მოწყობილობის დამახსოვრება/ }).check();
  }
  // The form submits itself once the code is complete.
  await page
    .getByLabel("დამადასტურებელი კოდი", { exact: true })
    .fill(await readCodeFromOutbox(account.email, after));
  await expect(page.getByRole("heading", { name: "მართვის პანელი", level: 1 })).toBeVisible();
}

const georgianMonth =
  /\d{1,2} (იანვარი|თებერვალი|მარტი|აპრილი|მაისი|ივნისი|ივლისი|აგვისტო|სექტემბერი|ოქტომბერი|ნოემბერი|დეკემბერი) \d{4}, \d{2}:\d{2}/;
const englishMonth = /\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\b/;

test("Georgian chosen on the sign-in page stays after signing in to an English account", async ({
  page,
}) => {
  const account = await twoFactorAccount({ email2fa: true });
  // The account's language, which its emails use, is English.
  await db().collection("users").doc(account.uid).set({ locale: "en" });

  await signInInGeorgian(page, account, true);

  // Signed in: the page is still Georgian, though the account says English.
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  await expect(page).toHaveTitle("მართვის პანელი · მართვის პანელი");
  await page.getByRole("link", { name: "უსაფრთხოება" }).click();
  await expect(page.getByRole("heading", { name: "უსაფრთხოება", level: 1 })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", "ka");
  await expect(page.getByLabel("ენა")).toHaveValue("ka");

  // Dates with Georgian month names; browsers named the Georgian way.
  const sessions = page.getByRole("list", { name: "აქტიური სესიები" });
  await expect(sessions.locator("time").first()).toHaveText(georgianMonth);
  // Every list loaded: the activity records the remembered device.
  await expect(page.getByRole("main")).toContainText("მოწყობილობა დამახსოვრდა");
  const dates = await page.locator("main time").allTextContents();
  expect(dates.length).toBeGreaterThan(0);
  for (const date of dates) {
    expect(date).toMatch(georgianMonth);
    expect(date).not.toMatch(englishMonth);
  }
  // Playwright's "Desktop Chrome" says it runs on Windows.
  await expect(sessions).toContainText("Chrome, Windows");
  await expect(page.getByRole("main")).not.toContainText("Chrome on");
  await expect(page.getByRole("main")).not.toContainText("Dashboard");

  await expectNoViolations(page, "the Georgian Security page after signing in");

  // The account's language is still English: the emails stay as the account chose.
  const profile = await db().collection("users").doc(account.uid).get();
  expect(profile.get("locale")).toBe("en");

  // A reload keeps the device's choice too.
  await page.reload();
  await expect(page.getByRole("heading", { name: "უსაფრთხოება", level: 1 })).toBeVisible();
});

test("the phone form names countries in Georgian", async ({ page }) => {
  const account = await twoFactorAccount({ email2fa: true });
  await signInInGeorgian(page, account);

  await page.getByRole("link", { name: "უსაფრთხოება" }).click();
  await page
    .getByRole("listitem", { name: "ტელეფონის ნომერი" })
    .getByRole("button", { name: "ჩართვა" })
    .click();
  const country = page.getByRole("combobox", { name: "ქვეყანა" });
  await expect(country.locator("option:checked")).toHaveText("საქართველო (+995)");
  await expectNoViolations(page, "the Georgian phone form");
});
