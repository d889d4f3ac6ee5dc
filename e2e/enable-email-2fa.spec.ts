import { getApps, initializeApp } from "firebase-admin/app";
import { getAuth } from "firebase-admin/auth";
import {
  acknowledgeRecoveryCodes,
  enterCode,
  expect,
  readCodeFromInbox,
  signUp,
  test,
} from "./fixtures.js";

test("a new user signs up and enables email 2FA with the code from their inbox", async ({
  page,
  newAccount,
}) => {
  await signUp(page, newAccount);
  await expect(page).toHaveURL(/\/security$/);
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(
    page.getByText("Turn on two-factor authentication on the Security page"),
  ).toBeVisible();
  await page.getByRole("link", { name: "Security" }).click();
  await expect(page.getByRole("heading", { name: "Security", level: 1 })).toBeVisible();
  await expect(
    page.getByRole("heading", { name: "Two-factor authentication", exact: true }),
  ).toBeVisible();

  const emailRow = page.getByRole("listitem", { name: "Email" });
  const phoneRow = page.getByRole("listitem", { name: "Phone number" });
  await expect(emailRow.getByText("Disabled")).toBeVisible();
  await expect(phoneRow.getByText("Disabled")).toBeVisible();

  await emailRow.getByRole("button", { name: "Enable" }).click();
  await expect(page.getByLabel("Email address")).toHaveValue(newAccount.email);
  const sentAfter = Date.now() - 1_000;
  await page.getByRole("button", { name: "Send code" }).click();

  const dialog = page.getByRole("dialog", { name: "Enter verification code" });
  await expect(dialog).toBeVisible();
  const masked = `${newAccount.email.slice(0, 1)}•••@example.com`;
  await expect(dialog).toContainText(masked);
  await expect(dialog.getByRole("button", { name: /Resend code in \d+ s/ })).toBeDisabled();

  const code = await readCodeFromInbox(newAccount.email, sentAfter);
  // Typed as it may be written, with a space; the full code submits itself.
  await enterCode(dialog, `${code.slice(0, 3)} ${code.slice(3)}`);

  await expect(dialog).toBeHidden();
  // The first method brings recovery codes, in a step of their own.
  await acknowledgeRecoveryCodes(page);
  await expect(page.getByRole("status")).toContainText(
    "Two-factor authentication has been successfully activated.",
  );
  await expect(emailRow.getByText("Enabled", { exact: true })).toBeVisible();
  await expect(emailRow).toContainText(masked);

  // The state is the server's, not the page's: it survives a reload.
  await page.reload();
  await expect(
    page.getByRole("listitem", { name: "Email" }).getByText("Enabled", { exact: true }),
  ).toBeVisible();
  // The dashboard claims the second step's protection only once it is there.
  await page.getByRole("link", { name: "Dashboard" }).click();
  await expect(page.getByText("visible only to you after two-factor authentication")).toBeVisible();
});

test("sign-in errors do not reveal whether an account exists", async ({ page }) => {
  const messageFor = async (email: string) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("not the password");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toBeVisible();
    return alert.textContent();
  };
  const app = getApps()[0] ?? initializeApp({ projectId: "demo-2fa" });
  const existing = `known-${Date.now()}@example.com`;
  await getAuth(app).createUser({ email: existing, password: "the real password" });

  const unknown = await messageFor(`nobody-${Date.now()}@example.com`);
  const known = await messageFor(existing);
  expect(unknown).toBe("Incorrect email or password.");
  expect(known).toBe(unknown);
});
