/**
 * The SMS sink of `npm run dev` and `npm test` (started by scripts/lib/stack.ts): the
 * extension's provider-compatible stand-in for Twilio's API, with every message copied
 * into the development outbox. SMS_SINK_PORT, TWILIO_AUTH_TOKEN (the extension's),
 * SMS_SINK_OUTCOMES (see extensions/sms-sender/sink/sink.ts), SMS_SINK_CALLBACK_DELAY_MS.
 */
import { getApps, initializeApp } from "firebase-admin/app";
import { getFirestore } from "firebase-admin/firestore";
import { parseOutcomeRules, startSink } from "../extensions/sms-sender/sink/sink.js";
import { smsOutboxMirror } from "./lib/sms-outbox.js";

const authToken = process.env.TWILIO_AUTH_TOKEN;
if (!authToken) throw new Error("Set TWILIO_AUTH_TOKEN to the extension's auth token");
if (!process.env.FIRESTORE_EMULATOR_HOST) {
  throw new Error("Set FIRESTORE_EMULATOR_HOST: the outbox copy goes to the emulator only");
}

const app = getApps()[0] ?? initializeApp({ projectId: process.env.GCLOUD_PROJECT ?? "demo-2fa" });
const mirror = smsOutboxMirror(getFirestore(app));
const sink = await startSink({
  port: Number(process.env.SMS_SINK_PORT ?? 8099),
  authToken,
  rules: parseOutcomeRules(process.env.SMS_SINK_OUTCOMES),
  callbackDelayMs: Number(process.env.SMS_SINK_CALLBACK_DELAY_MS ?? 500),
  onMessage: mirror.onMessage,
  onStatus: mirror.onStatus,
});
console.log(`SMS sink listening on ${sink.url} (messages: ${sink.url}/messages)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sink.stop().then(() => process.exit(0));
  });
}
