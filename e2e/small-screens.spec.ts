import { randomUUID } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { createTwoFactorUser } from "../scripts/lib/seed.js";
import { en } from "../web/src/locales/en.js";
import { ka } from "../web/src/locales/ka.js";
import { PASSWORD, RECOVERY_CODES, readCodeFromOutbox } from "./accounts.js";
import { expect, expectNoViolations, test } from "./fixtures.js";
import { layoutShiftMark, layoutShiftSince, recordLayoutShifts } from "./layout-shift.js";

/**
 * A phone (360 × 740) and a laptop (1280 × 800), in English and in Georgian, whose words
 * are longer: the header stays within two rows, the second step's field, Verify and its
 * error fit the first screen, the method rows line up, the authenticator app's setup
 * opens at its heading with a link to the app, and nothing moves by itself
 * (cumulative layout shift at most 0.02, from the browser's own layout-shift entries).
 */

const screens = [
  { name: "phone", width: 360, height: 740 },
  { name: "laptop", width: 1280, height: 800 },
] as const;

const languages = [
  { code: "en", name: "English", t: en },
  { code: "ka", name: "ქართული", t: ka },
] as const;

/** The most a page may move by itself, as the issue sets it. */
const MAX_LAYOUT_SHIFT = 0.02;
/** Two rows of controls and their padding. */
const MAX_HEADER_HEIGHT_PX = 100;
/** Time for late arrivals (status, delivery, fonts) to land before shifts are read. */
const SETTLE_MS = 1500;

type Messages = (typeof languages)[number]["t"];

async function expectStill(page: Page, state: string, mark = 0) {
  await page.waitForTimeout(SETTLE_MS);
  const { total, shifts } = await layoutShiftSince(page, mark);
  expect(
    total,
    `layout shift on ${state}: ${JSON.stringify(shifts.map((s) => [s.value, s.sources]))}`,
  ).toBeLessThanOrEqual(MAX_LAYOUT_SHIFT);
}

/** A message with its `{{placeholders}}` standing for any text. */
function templatePattern(template: string): RegExp {
  const parts = template
    .split(/\{\{\w+\}\}/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  return new RegExp(`^${parts.join(".+")}$`);
}

async function box(locator: Locator) {
  const found = await locator.boundingBox();
  if (!found) throw new Error(`no box for ${locator.toString()}`);
  return found;
}

/** Entirely within the first screen, with the page not scrolled. */
async function expectOnFirstScreen(page: Page, locator: Locator, what: string) {
  const { y, height } = await box(locator);
  const viewport = page.viewportSize();
  expect(await page.evaluate(() => window.scrollY), "page scrolled").toBe(0);
  expect(y, `${what}: top`).toBeGreaterThanOrEqual(0);
  expect(y + height, `${what}: bottom`).toBeLessThanOrEqual(viewport?.height ?? 0);
}

async function expectCompactHeader(page: Page, t: Messages, email: string, signOut: string) {
  const header = page.getByRole("banner");
  expect((await box(header)).height, "header height").toBeLessThanOrEqual(MAX_HEADER_HEIGHT_PX);
  // The address may be cut short on screen; its whole is in the title and the text.
  const address = header.getByTitle(email);
  await expect(address).toContainText(email);
  await expect(header.getByLabel(t.language.label)).toBeInViewport({ ratio: 1 });
  await expect(header.getByRole("button", { name: signOut })).toBeInViewport({ ratio: 1 });
}

for (const screen of screens) {
  for (const language of languages) {
    const { t } = language;

    test(`${screen.name} (${screen.width} × ${screen.height}) in ${language.name}: fits and holds still`, async ({
      page,
    }) => {
      test.setTimeout(120_000);
      // A long address, which the header must cut short rather than wrap.
      const email = `e2e-${randomUUID().slice(0, 8)}-with-a-rather-long-mailbox@accounts.example-company.com`;
      await createTwoFactorUser({
        email,
        password: PASSWORD,
        email2fa: true,
        recoveryCodes: RECOVERY_CODES,
      });
      await page.setViewportSize({ width: screen.width, height: screen.height });
      await recordLayoutShifts(page);

      // Sign-in, loaded afresh in the language chosen.
      await page.goto("/sign-in");
      await page.getByLabel(en.language.label).selectOption({ label: language.name });
      await expect(page.locator("html")).toHaveAttribute("lang", language.code);
      await page.reload();
      await expect(page.getByRole("heading", { name: t.auth.signInTitle, level: 1 })).toBeVisible();
      await expectStill(page, "the sign-in page");
      expect((await box(page.getByRole("banner"))).height).toBeLessThanOrEqual(
        MAX_HEADER_HEIGHT_PX,
      );

      // The second step, from the press of "Sign in" until the code is delivered.
      await page.getByLabel(t.auth.emailLabel, { exact: true }).fill(email);
      await page.getByLabel(t.auth.passwordLabel, { exact: true }).fill(PASSWORD);
      const sentAfter = Date.now() - 1000;
      let mark = await layoutShiftMark(page);
      await page.getByRole("button", { name: t.auth.signInButton }).click();
      await expect(page.getByRole("heading", { name: t.secondStep.title, level: 1 })).toBeVisible();
      const field = page.getByLabel(t.verify.codeLabel, { exact: true });
      const verify = page.getByRole("button", { name: t.verify.verifyButton, exact: true });
      await expect(verify).toBeVisible();
      const sentence = t.verify.sentTo.split("{{")[0] ?? "";
      await expect(page.getByText(sentence)).toBeVisible({ timeout: 20_000 });
      const fieldBefore = await box(field);
      await expect(page.getByText(t.verify.delivery.delivered, { exact: true })).toBeVisible({
        timeout: 20_000,
      });
      // "Delivered" came into a line kept for it: the field did not move.
      expect((await box(field)).y, "code field moved when delivery was reported").toBe(
        fieldBefore.y,
      );
      await expectStill(page, "the second step", mark);
      await expectCompactHeader(page, t, email, t.auth.cancelSignInButton);

      // Reloaded within the wait between two sends: the code sent is still asked for,
      // with when another can go, and nothing moves.
      await page.reload();
      await expect(
        page.getByRole("button", { name: templatePattern(t.verify.resendIn) }),
      ).toBeDisabled({ timeout: 20_000 });
      await expectStill(page, "the second step, reloaded within the wait between sends");

      // Opened in another tab in that wait (which does not know the code already sent):
      // its send is refused, and "Try sending again" counts down; nothing moves.
      const tab = await page.context().newPage();
      await recordLayoutShifts(tab);
      await tab.goto("/second-step");
      await expect(
        tab.getByRole("button", { name: templatePattern(t.secondFactor.sendAgainIn) }),
      ).toBeDisabled({ timeout: 20_000 });
      await expectStill(tab, "the second step, opened in another tab within the wait");
      await tab.close();

      // A wrong code: the field, Verify and the refusal, all on the first screen.
      const code = await readCodeFromOutbox(email, sentAfter);
      const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, "0");
      await field.fill(wrong);
      await verify.click();
      const refusal = page.getByRole("alert");
      await expect(refusal).toContainText(t.verify.wrongCodeWithoutCount);
      await expectOnFirstScreen(page, field, "code field");
      await expectOnFirstScreen(page, verify, "Verify");
      await expectOnFirstScreen(page, refusal, "the refusal");
      await expectNoViolations(page, `the second step with a wrong code, ${language.code}`);

      await field.clear();
      await field.fill(code);
      await expect(page.getByRole("heading", { name: t.dashboard.title, level: 1 })).toBeVisible();

      // The dashboard, loaded afresh: the header keeps the navigation's place meanwhile.
      await page.goto("/");
      await expect(page.getByRole("heading", { name: t.dashboard.title, level: 1 })).toBeVisible();
      await expectStill(page, "the dashboard");
      await expectCompactHeader(page, t, email, t.auth.signOutButton);
      await expect(
        page.getByRole("navigation", { name: t.app.navLabel }).getByRole("link"),
      ).toHaveCount(2);
      await expectNoViolations(page, `the dashboard, ${language.code}`);

      // The Security page, loaded afresh.
      await page.goto("/security");
      await expect(page.getByRole("heading", { name: t.security.title, level: 1 })).toBeVisible();
      const row = (name: string) => page.getByRole("listitem", { name, exact: true });
      const emailRow = row(t.methods.email);
      const appRow = row(t.methods.totp);
      const rows = [emailRow, row(t.methods.phone), appRow, row(t.methods.passkey)];
      await expect(emailRow.getByText(t.security.enabled, { exact: true })).toBeVisible();
      await expectStill(page, "the Security page");
      await expectRowsAligned(rows, screen.width < 640);

      // The authenticator app's setup opens at its heading, with a link to the app.
      mark = await layoutShiftMark(page);
      await appRow.getByRole("button", { name: new RegExp(t.security.enableButton) }).click();
      const dialog = page.getByRole("dialog", { name: t.security.totp.setupTitle });
      await expect(dialog).toBeVisible();
      await expect(dialog.getByRole("img", { name: t.security.totp.qrAlt })).toBeVisible();
      const heading = dialog.getByRole("heading", { name: t.security.totp.setupTitle });
      await expect(heading).toBeInViewport({ ratio: 1 });
      expect(await dialog.evaluate((element) => element.scrollTop), "dialog scrolled").toBe(0);
      const link = dialog.getByRole("link", { name: t.security.totp.openInAppLink });
      const uri = new URL((await link.getAttribute("href")) ?? "");
      expect(uri.protocol).toBe("otpauth:");
      expect(uri.host).toBe("totp");
      const shownKey = (await dialog.locator("code").textContent()) ?? "";
      expect(uri.searchParams.get("secret")).toBe(shownKey.replace(/\s/g, ""));
      if (screen.width >= 1280) {
        await expect(
          dialog.getByRole("button", { name: t.verify.verifyButton, exact: true }),
        ).toBeInViewport({ ratio: 1 });
      }
      await expectStill(page, "the authenticator app's setup", mark);
      await expectNoViolations(page, `the authenticator app's setup, ${language.code}`);
    });
  }
}

/**
 * Every method row has its parts in the same places: the name at the same left edge, the
 * status under it, and the controls below the status when narrow, or at one right edge
 * beside the name when wide.
 */
async function expectRowsAligned(rows: Locator[], narrow: boolean) {
  const parts = await Promise.all(
    rows.map(async (row) => {
      const buttons = row.getByRole("button");
      return {
        name: await box(row.getByRole("heading")),
        first: await box(buttons.first()),
        last: await box(buttons.last()),
      };
    }),
  );
  const reference = parts[0];
  if (!reference) throw new Error("no method rows");
  for (const [index, part] of parts.entries()) {
    const where = `method row ${index + 1}`;
    expect(part.name.x, `${where}: name's left edge`).toBeCloseTo(reference.name.x, 0);
    if (narrow) {
      expect(part.first.x, `${where}: controls' left edge`).toBeCloseTo(part.name.x, 0);
      expect(part.first.y, `${where}: controls below the name`).toBeGreaterThan(
        part.name.y + part.name.height,
      );
    } else {
      expect(part.last.x + part.last.width, `${where}: controls' right edge`).toBeCloseTo(
        reference.last.x + reference.last.width,
        0,
      );
      expect(part.first.y, `${where}: controls beside the name`).toBeLessThan(
        part.name.y + part.name.height,
      );
    }
  }
}
