// @vitest-environment happy-dom
import { cleanup, renderHook, waitFor } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Locale } from "@dash2fa/shared";
import { chooseLocale, useAccountLocale } from "./account-locale";
import { currentLocale, i18n, LOCALE_STORAGE_KEY } from "./i18n";
import { getProfileLocale, saveProfileLocale } from "./user-profile";

// The account's document stands in for Firestore here; e2e/georgian.spec.ts signs in for real.
vi.mock("./user-profile", () => ({
  getProfileLocale: vi.fn(),
  saveProfileLocale: vi.fn(() => Promise.resolve()),
}));
const saved = vi.mocked(getProfileLocale);
const save = vi.mocked(saveProfileLocale);

/** Signs in as an account whose saved language is `account`, and waits for its read. */
async function signInWith(account: Locale | undefined) {
  saved.mockResolvedValue(account);
  renderHook(() => useAccountLocale("uid-1"));
  await waitFor(() => expect(saved).toHaveBeenCalledWith("uid-1"));
  // Let the answer's `then` run.
  await new Promise((resolve) => setTimeout(resolve, 0));
}

beforeEach(async () => {
  vi.clearAllMocks();
  window.localStorage.clear();
  await i18n.changeLanguage("en");
});
afterEach(cleanup);

describe("the language after signing in", () => {
  it("stays the one chosen on this device when the account's is another", async () => {
    chooseLocale("ka", undefined);
    await signInWith("en");
    expect(currentLocale()).toBe("ka");
    expect(window.localStorage.getItem(LOCALE_STORAGE_KEY)).toBe("ka");
    // The account keeps English for its emails.
    expect(save).not.toHaveBeenCalled();
  });

  it("stays English on an English device for a Georgian account", async () => {
    chooseLocale("en", undefined);
    await signInWith("ka");
    expect(currentLocale()).toBe("en");
    expect(save).not.toHaveBeenCalled();
  });

  it("becomes the account's language for emails when the account has none", async () => {
    chooseLocale("ka", undefined);
    await signInWith(undefined);
    await waitFor(() => expect(save).toHaveBeenCalledWith("uid-1", "ka"));
    expect(currentLocale()).toBe("ka");
  });

  it("is saved to the account when the person picks one while signed in", () => {
    chooseLocale("ka", "uid-1");
    expect(currentLocale()).toBe("ka");
    expect(save).toHaveBeenCalledWith("uid-1", "ka");
  });
});
