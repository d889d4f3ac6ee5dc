import { mkdirSync } from "node:fs";
import type { Page } from "@playwright/test";
import { readCodeFromOutbox } from "./accounts.js";
import { expect, signUp, test } from "./fixtures.js";

/**
 * Georgian end to end, and screenshots of the Security page and the verify dialog at
 * 360 px and desktop width in both languages. They go to test-results/screenshots; with
 * UPDATE_SCREENSHOTS=1 to docs/screenshots, where the README shows them.
 */
const folder = process.env.UPDATE_SCREENSHOTS ? "docs/screenshots" : "test-results/screenshots";
mkdirSync(folder, { recursive: true });

const sizes = [
  { name: "mobile", width: 360, height: 780 },
  { name: "desktop", width: 1280, height: 860 },
] as const;

async function noHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, "horizontal overflow in px").toBeLessThanOrEqual(0);
}

for (const size of sizes) {
  test(`Georgian enrolment at ${size.width} px, with screenshots in both languages`, async ({
    page,
    newAccount,
  }) => {
    await page.setViewportSize({ width: size.width, height: size.height });
    await signUp(page, newAccount);
    await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
    await expect(page.getByText("Disabled").first()).toBeVisible();
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${folder}/security-en-${size.name}.png`, fullPage: true });

    await page.getByLabel("Language").selectOption({ label: "ქართული" });
    await expect(page.locator("html")).toHaveAttribute("lang", "ka");
    await expect(page.getByRole("heading", { name: "უსაფრთხოება", level: 1 })).toBeVisible();
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${folder}/security-ka-${size.name}.png`, fullPage: true });

    await page.getByRole("listitem").first().getByRole("button").first().click();
    const after = Date.now() - 1000;
    await page.locator("form").getByRole("button").first().click();
    const dialog = page.getByRole("dialog");
    await expect(dialog.getByRole("textbox")).toBeVisible();
    await noHorizontalScroll(page);
    await page.screenshot({ path: `${folder}/verify-ka-${size.name}.png` });

    await dialog.getByRole("textbox").fill(await readCodeFromOutbox(newAccount.email, after));
    await expect(page.getByRole("status").first()).toContainText(
      "ორმაგი ავტორიზაცია წარმატებით გააქტიურდა.",
    );

    // The code came in Georgian too: the choice reached the functions.
    const inbox = (await (await fetch("http://127.0.0.1:1080/api/email")).json()) as {
      to: { address: string }[];
      subject: string;
    }[];
    const subjects = inbox
      .filter((mail) => mail.to.some((to) => to.address === newAccount.email))
      .map((mail) => mail.subject);
    expect(subjects.some((subject) => subject.includes("დამადასტურებელი კოდი"))).toBe(true);

    await page.getByRole("checkbox", { name: "ეს კოდები შევინახე" }).check();
    await page.getByRole("button", { name: "გაგრძელება" }).click();
    await page.getByLabel("ენა").selectOption({ label: "English" });
    await page
      .getByRole("listitem", { name: "Phone number" })
      .getByRole("button", { name: "Enable" })
      .click();
    await page.getByRole("textbox", { name: "Phone number" }).fill("555 12 34 56");
    await page.getByRole("button", { name: "Send code" }).click();
    // A second method asks "Confirm it's you" first: shown with its code field.
    await expect(
      page.getByRole("dialog").getByLabel("Verification code", { exact: true }),
    ).toBeVisible();
    await page.screenshot({ path: `${folder}/verify-en-${size.name}.png` });
  });
}
