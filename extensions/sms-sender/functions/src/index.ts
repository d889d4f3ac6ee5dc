/**
 * The extension's functions. Their triggers, regions and runtime come from
 * extension.yaml; the options given here only document the same.
 */
import * as v1 from "firebase-functions/v1";
import { onDocumentCreated } from "firebase-functions/v2/firestore";
import { readConfig, type Config } from "./config.js";
import { database } from "./firestore.js";
import { processMessage as deliver } from "./process-message.js";
import type { SmsProvider } from "./provider.js";
import { createProvider } from "./providers.js";
import { handleStatusCallback } from "./status-callback.js";

let runtime: { config: Config; provider: SmsProvider } | undefined;

/** Read on first use, so loading the code (to list its functions) needs no params. */
function instance() {
  if (!runtime) {
    const config = readConfig(process.env);
    runtime = { config, provider: createProvider(config) };
  }
  return runtime;
}

/** Sends each new message document; retried by the platform while it throws. */
export const processMessage = onDocumentCreated(
  {
    document: `${process.env.MESSAGE_COLLECTION ?? "messages"}/{id}`,
    database: process.env.DATABASE ?? "(default)",
    retry: true,
    timeoutSeconds: 60,
  },
  async (event) => {
    const snapshot = event.data;
    if (!snapshot) return;
    const { config, provider } = instance();
    await deliver(database(config.database).doc(snapshot.ref.path), { config, provider });
  },
);

/**
 * Receives the provider's delivery receipts. First generation, because extensions can
 * declare an HTTPS trigger only on a first-generation function.
 */
export const statusCallback = v1.https.onRequest(async (req, res) => {
  const { config, provider } = instance();
  await handleStatusCallback(req, res, {
    db: database(config.database),
    collection: config.collection,
    provider,
    publicUrl: config.statusCallbackUrl,
  });
});
