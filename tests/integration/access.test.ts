import { initializeApp, deleteApp } from "firebase/app";
import { connectFunctionsEmulator, getFunctions, httpsCallable } from "firebase/functions";
import { describe, expect, it } from "vitest";
import { FUNCTIONS_REGION, callableNames } from "@dash2fa/shared";
import { PROJECT_ID, refusalOf } from "../support/clients.js";

describe("signed-out callers", () => {
  it.each(Object.values(callableNames))("are refused by %s", async (name) => {
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
