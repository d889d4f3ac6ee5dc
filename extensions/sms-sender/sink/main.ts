/**
 * Runs the development SMS sink: `tsx extensions/sms-sender/sink/main.ts`.
 * SMS_SINK_PORT (default 8099), TWILIO_AUTH_TOKEN (must match the extension's),
 * SMS_SINK_OUTCOMES (e.g. "000000=undelivered,000001=failed,000002=slow").
 */
import { parseOutcomeRules, startSink } from "./sink.js";

const authToken = process.env.TWILIO_AUTH_TOKEN;
if (!authToken) throw new Error("Set TWILIO_AUTH_TOKEN to the extension's auth token");

const sink = await startSink({
  port: Number(process.env.SMS_SINK_PORT ?? 8099),
  authToken,
  rules: parseOutcomeRules(process.env.SMS_SINK_OUTCOMES),
});
console.log(`SMS sink listening on ${sink.url} (outbox: ${sink.url}/messages)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    void sink.stop().then(() => process.exit(0));
  });
}
