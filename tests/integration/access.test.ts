import { initializeApp, deleteApp } from "firebase/app";
import { connectFunctionsEmulator, getFunctions, httpsCallable } from "firebase/functions";
import { describe, expect, it } from "vitest";
import { FUNCTIONS_REGION } from "@dash2fa/shared";
import { callableNames, contract } from "@dash2fa/shared/contract";
import { PROJECT_ID, anonymousCaller, refusalOf } from "../support/clients.js";

const openToSignedOut = callableNames.filter((name) => contract[name].signedOut === true);
const needSignIn = callableNames.filter((name) => contract[name].signedOut !== true);

describe("signed-out callers", () => {
  it("are answered only by the forgotten-password callables, by design", () => {
    expect(openToSignedOut.sort()).toEqual(["completePasswordReset", "requestPasswordReset"]);
  });

  it("reach the forgotten-password callables, which answer them", async () => {
    const caller = anonymousCaller();
    try {
      await expect(
        caller.requestPasswordReset({ email: "nobody-signed-in@example.com" }),
      ).resolves.toEqual({ accepted: true });
      expect(
        (
          await refusalOf(
            caller.completePasswordReset({ token: "A".repeat(43), newPassword: "x".repeat(8) }),
          )
        ).details.reason,
      ).toBe("reset-link-invalid");
    } finally {
      await caller.dispose();
    }
  });

  it.each(needSignIn)("are refused by %s", async (name) => {
    const app = initializeApp({ projectId: PROJECT_ID, apiKey: "demo-api-key" }, `anon-${name}`);
    const functions = getFunctions(app, FUNCTIONS_REGION);
    connectFunctionsEmulator(functions, "127.0.0.1", 5001);
    const refused = await refusalOf(
      httpsCallable(
        functions,
        name,
      )({ purpose: "enroll", method: "email", destination: "x@example.com", code: "123456" }),
    );
    expect(refused.code).toBe("functions/unauthenticated");
    await deleteApp(app);
  });
});
