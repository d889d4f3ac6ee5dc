import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Locator, type Page } from "@playwright/test";
import { resetIpLimit } from "../tests/support/clients.js";

const mailDevApi = process.env.MAILDEV_API ?? "http://127.0.0.1:1080";

interface InboxMail {
  to: { address: string }[];
  subject: string;
  text: string;
  time: string;
}

/**
 * Reads, from MailDev's REST API, the first group of `pattern` in the newest mail sent to
 * `address` since `after`; `what` names it in a failure.
 */
export async function readFromInbox(
  address: string,
  pattern: RegExp,
  what: string,
  after = 0,
): Promise<string> {
  let found = "";
  await expect
    .poll(
      async () => {
        const inbox = (await (await fetch(`${mailDevApi}/api/email`)).json()) as InboxMail[];
        const newest = inbox
          .filter((mail) => mail.to.some((to) => to.address === address))
          .filter((mail) => Date.parse(mail.time) >= after)
          .sort((a, b) => Date.parse(b.time) - Date.parse(a.time))[0];
        found = (newest && pattern.exec(newest.text)?.[1]) ?? "";
        return found;
      },
      { message: `${what} for ${address} in MailDev`, timeout: 20_000 },
    )
    .toBeTruthy();
  return found;
}

/** Reads the newest code sent to `address` from MailDev's REST API. */
export function readCodeFromInbox(address: string, after = 0): Promise<string> {
  return readFromInbox(address, /\b(\d{6})\b/, "a verification code", after);
}

/** Tests fail on any console error the app logs, not only on failed assertions. */
export const test = base.extend<{
  ipLimit: undefined;
  consoleErrors: string[];
  newAccount: { email: string; password: string };
}>({
  // Every test sends from 127.0.0.1, as no real user could: each starts with that address's
  // hourly send limit cleared, so earlier tests cannot refuse its codes. The limit itself
  // is proved by the integration tests.
  ipLimit: [
    // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument
    async ({}, use) => {
      await resetIpLimit();
      await use(undefined);
    },
    { auto: true },
  ],
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on("console", (message) => {
        // Chromium logs every 4xx response itself; a refused sign-in or code is an
        // expected answer the test asserts on screen, not an error of the app.
        const refusal = /^Failed to load resource: the server responded with a status of 4\d\d/;
        if (message.type() === "error" && !refusal.test(message.text())) {
          errors.push(message.text());
        }
      });
      page.on("pageerror", (error) => errors.push(error.message));
      await use(errors);
      expect(errors, "console errors").toEqual([]);
    },
    { auto: true },
  ],
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the fixtures argument
  newAccount: async ({}, use) => {
    await use({
      email: `e2e-${randomUUID().slice(0, 8)}@example.com`,
      password: "correct horse battery",
    });
  },
});

export async function signUp(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-up");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
}

/**
 * Types a code into the "Verification code" field within `scope`, and only types it: a full
 * code submits itself, so a click on Verify after it could land on a form already gone to
 * the next page. The caller asserts what the code led to. The field is emptied first, as
 * typing over a refused code does, because only the change that completes a code submits
 * it: one full code replaced by another in a single change waits for Verify.
 */
export async function enterCode(scope: Page | Locator, code: string) {
  const field = scope.getByLabel("Verification code", { exact: true });
  await field.clear();
  await field.fill(code);
}

/** Signs in with the password, up to the second step's page. */
export async function signInWithPassword(page: Page, account: { email: string; password: string }) {
  await page.goto("/sign-in");
  await page.getByLabel("Email", { exact: true }).fill(account.email);
  await page.getByLabel("Password", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Verify it's you" })).toBeVisible();
}

/**
 * On the second step, opens "Use another method" and picks `method` ("Email",
 * "Authenticator app", …) from the list, whose every choice is named by its method first.
 */
export async function chooseAnotherMethod(page: Page, method: string) {
  await page.getByRole("button", { name: "Use another method" }).click();
  await page
    .getByRole("group", { name: "Choose another way to verify" })
    .getByRole("button", { name: new RegExp(`^${method}`) })
    .click();
}

/**
 * The recovery codes' step after the first method or new codes: ticks "I have saved these
 * codes" and continues, as a person who saved them does.
 */
export async function acknowledgeRecoveryCodes(page: Page) {
  const codesStep = page.getByRole("dialog", { name: "Save your recovery codes" });
  await codesStep.getByRole("checkbox", { name: "I have saved these codes" }).check();
  await codesStep.getByRole("button", { name: "Continue" }).click();
  await expect(codesStep).toBeHidden();
}

/**
 * Starts 2FA by email from the Security page, as a new user does: Enable, Send code and the
 * emailed code, up to the recovery codes' step, which it returns unacknowledged.
 */
export async function enterEmailTwoFactorCode(page: Page, email: string) {
  await page
    .getByRole("listitem", { name: "Email" })
    .getByRole("button", { name: "Enable" })
    .click();
  const after = Date.now() - 1_000;
  await page.getByRole("button", { name: "Send code" }).click();
  await enterCode(page.getByRole("dialog"), await readCodeFromInbox(email, after));
  const codesStep = page.getByRole("dialog", { name: "Save your recovery codes" });
  await expect(codesStep).toBeVisible();
  return codesStep;
}

/** Turns 2FA on by email from the Security page, with the recovery codes saved. */
export async function enableEmailTwoFactor(page: Page, email: string) {
  await enterEmailTwoFactorCode(page, email);
  await acknowledgeRecoveryCodes(page);
}

/** WCAG 2.1 A and AA, the level the product promises. */
export async function expectNoViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    `axe violations on ${state}`,
  ).toEqual([]);
}

export { expect };
