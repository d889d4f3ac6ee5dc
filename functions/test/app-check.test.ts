import type { FirebaseApp } from "firebase/app";
import type { CallableOptions, CallableRequest } from "firebase-functions/v2/https";
import { afterEach, describe, expect, it, vi } from "vitest";
import { limitedUseCallables, type VerifyCodeResult } from "@dash2fa/shared";
import { callableNames } from "@dash2fa/shared/contract";
import {
  chooseAppCheck,
  startAppCheck,
  type AppCheckEnvironment,
} from "../../web/src/lib/app-check.js";

// Keeps the real callables but remembers the options each was declared with, which the
// deployed function only ever reads at runtime.
vi.mock("firebase-functions/v2/https", async (importOriginal) => {
  const actual = await importOriginal<typeof import("firebase-functions/v2/https")>();
  return {
    ...actual,
    onCall: (options: CallableOptions, handler: (request: CallableRequest) => unknown) =>
      Object.assign(actual.onCall(options, handler), { declaredOptions: options }),
  };
});

const initializeAppCheck = vi.fn();
vi.mock("firebase/app-check", async (importOriginal) => ({
  ...(await importOriginal<typeof import("firebase/app-check")>()),
  initializeAppCheck: (...args: unknown[]) => initializeAppCheck(...args),
}));

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
  initializeAppCheck.mockReset();
  Reflect.deleteProperty(globalThis, "FIREBASE_APPCHECK_DEBUG_TOKEN");
});

function setEmulator(emulator: boolean) {
  vi.resetModules();
  vi.stubEnv("FUNCTIONS_EMULATOR", emulator ? "true" : "");
}

async function loadOptions(emulator: boolean) {
  setEmulator(emulator);
  return (await import("../src/runtime.js")).callableOptions;
}

/** Every deployed callable's declared options, by exported name. */
async function declaredCallables(emulator: boolean) {
  setEmulator(emulator);
  const exported: Record<string, unknown> = await import("../src/index.js");
  const options = new Map<string, CallableOptions>();
  for (const [name, value] of Object.entries(exported)) {
    if (typeof value === "function" && "declaredOptions" in value) {
      options.set(name, value.declaredOptions as CallableOptions);
    }
  }
  return options;
}

const consuming = (options: Map<string, CallableOptions>) =>
  [...options].filter(([, declared]) => declared.consumeAppCheckToken === true).map(([n]) => n);

describe("App Check on the callables", () => {
  it("is enforced in production", async () => {
    expect((await loadOptions(false)).enforceAppCheck).toBe(true);
  });

  it("is off in the emulator, which has no App Check provider", async () => {
    expect((await loadOptions(true)).enforceAppCheck).toBe(false);
  });

  it("declares exactly the contract's callables in production, each under its own name", async () => {
    const declared = await declaredCallables(false);
    expect([...declared.keys()].sort()).toEqual([...callableNames].sort());
  });

  it("is enforced on every callable in production, and consumed by send and verify", async () => {
    const declared = await declaredCallables(false);
    expect(declared.size).toBeGreaterThanOrEqual(16);
    for (const [name, options] of declared) expect(options.enforceAppCheck, name).toBe(true);
    expect(consuming(declared).sort()).toEqual(["sendVerificationCode", "verifyCode"]);
  });

  it("is neither enforced nor consumed anywhere in the emulator", async () => {
    const declared = await declaredCallables(true);
    for (const [name, options] of declared) expect(options.enforceAppCheck, name).not.toBe(true);
    expect(consuming(declared)).toEqual([]);
  });

  it("matches the contract: exactly the callables it marks limited-use consume tokens", async () => {
    expect([...limitedUseCallables].sort()).toEqual(consuming(await declaredCallables(false)));
  });

  it("refuses a replayed token before the handler runs", async () => {
    setEmulator(false);
    const { define } = await import("../src/callable.js");
    const result = { purpose: "sign-in", method: "email", maskedDestination: "", customToken: "t" };
    const handler = vi.fn(async () => result as VerifyCodeResult);
    const fn = define("verifyCode", handler);
    const request = (alreadyConsumed: boolean) =>
      ({
        data: { purpose: "sign-in", method: "email", code: "123456" },
        auth: { uid: "u1", token: {} },
        app: { appId: "app", token: {}, alreadyConsumed },
      }) as unknown as CallableRequest;

    await expect(fn.run(request(true))).rejects.toMatchObject({ code: "unauthenticated" });
    expect(handler).not.toHaveBeenCalled();
    await expect(fn.run(request(false))).resolves.toEqual(result);
    expect(handler).toHaveBeenCalledWith(
      { purpose: "sign-in", method: "email", code: "123456" },
      expect.objectContaining({ auth: { uid: "u1", token: {} } }),
    );
  });
});

describe("App Check in the web app", () => {
  const production: AppCheckEnvironment = {
    emulators: false,
    productionBuild: true,
    appId: "1:123:web:abc",
    siteKey: "site-key",
  };
  const app = {} as FirebaseApp;

  it("uses reCAPTCHA Enterprise in production", async () => {
    const setup = chooseAppCheck(production);
    expect(setup).toEqual({ provider: "recaptcha-enterprise", siteKey: "site-key" });

    await startAppCheck(app, setup);
    const { ReCaptchaEnterpriseProvider } = await import("firebase/app-check");
    expect(initializeAppCheck).toHaveBeenCalledOnce();
    const [, options] = initializeAppCheck.mock.calls[0]!;
    expect(options.provider).toBeInstanceOf(ReCaptchaEnterpriseProvider);
    expect(options.isTokenAutoRefreshEnabled).toBe(true);
  });

  it("refuses to start in production without a site key or an app id", () => {
    expect(() => chooseAppCheck({ ...production, siteKey: undefined })).toThrow(
      /VITE_RECAPTCHA_ENTERPRISE_SITE_KEY/,
    );
    expect(() => chooseAppCheck({ ...production, appId: undefined })).toThrow(
      /VITE_FIREBASE_APP_ID/,
    );
  });

  it("starts nothing with the emulators, so nothing goes to the network", async () => {
    for (const productionBuild of [false, true]) {
      const setup = chooseAppCheck({ emulators: true, productionBuild });
      expect(setup).toEqual({ provider: "none" });
      await startAppCheck(app, setup);
    }
    expect(initializeAppCheck).not.toHaveBeenCalled();
  });

  it("uses the debug provider on the development server only when a token is given", async () => {
    for (const emulators of [true, false]) {
      const setup = chooseAppCheck({
        emulators,
        productionBuild: false,
        appId: "1:123:web:abc",
        debugToken: "debug-token",
      });
      expect(setup).toEqual({ provider: "debug", debugToken: "debug-token" });
    }

    await startAppCheck(app, { provider: "debug", debugToken: "debug-token" });
    expect(Reflect.get(globalThis, "FIREBASE_APPCHECK_DEBUG_TOKEN")).toBe("debug-token");
    const { CustomProvider } = await import("firebase/app-check");
    expect(initializeAppCheck.mock.calls[0]![1].provider).toBeInstanceOf(CustomProvider);
  });

  it("never accepts a debug token in a production build", () => {
    expect(() => chooseAppCheck({ ...production, debugToken: "debug-token" })).toThrow(
      /VITE_APPCHECK_DEBUG_TOKEN/,
    );
  });
});
