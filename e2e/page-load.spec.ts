import { expect, expectNoViolations, test } from "./fixtures.js";

/** The browser logs the refused download; those lines, and only those, are expected. */
function takeDownloadErrors(consoleErrors: string[]) {
  const expected = /ERR_INTERNET_DISCONNECTED|Failed to fetch dynamically imported module/;
  expect(consoleErrors.length).toBeGreaterThan(0);
  expect(consoleErrors.filter((error) => !expected.test(error))).toEqual([]);
  consoleErrors.length = 0;
}

/**
 * Each page is a chunk of its own, downloaded when first needed. One that cannot be
 * downloaded (offline, or replaced by a newer deploy) says so and offers a reload,
 * instead of leaving the page blank.
 */
test.describe("a page that cannot be downloaded", () => {
  test("opened by a link, it says so and the reload brings it", async ({ page, consoleErrors }) => {
    await page.goto("/sign-in");
    await expect(page.getByRole("heading", { name: "Sign in", level: 1 })).toBeVisible();
    let blocked = true;
    await page.route(/\/assets\/forgot-password-[^/]+\.js$/, (route) =>
      blocked ? route.abort("internetdisconnected") : route.continue(),
    );
    await page.getByRole("link", { name: "Forgot password?" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("This page couldn't load.");
    await expectNoViolations(page, "page that could not load");
    takeDownloadErrors(consoleErrors);

    blocked = false;
    await alert.getByRole("button", { name: "Try again" }).click();
    await expect(
      page.getByRole("heading", { name: "Reset your password", level: 1 }),
    ).toBeVisible();
  });

  test("opened by its address, it says so in Georgian too", async ({ page, consoleErrors }) => {
    await page.addInitScript(() => localStorage.setItem("dash2fa.locale", "ka"));
    await page.route(/\/assets\/forgot-password-[^/]+\.js$/, (route) =>
      route.abort("internetdisconnected"),
    );
    await page.goto("/forgot-password");
    await expect(page.getByRole("alert")).toContainText("გვერდი ვერ ჩაიტვირთა.");
    takeDownloadErrors(consoleErrors);
  });
});
