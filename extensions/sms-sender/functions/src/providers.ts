import type { Config } from "./config.js";
import type { SmsProvider } from "./provider.js";
import { twilioProvider } from "./twilio-provider.js";

/** The one place that knows every provider: a new one is a new case here. */
export function createProvider(config: Config): SmsProvider {
  switch (config.provider) {
    case "twilio":
      return twilioProvider({ ...config.twilio, timeoutMs: config.providerTimeoutMs });
  }
}
