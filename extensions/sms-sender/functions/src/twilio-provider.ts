import twilio from "twilio";
import type RequestClient from "twilio/lib/base/RequestClient";
import type Response from "twilio/lib/http/response";
import { ErrorCodes } from "./delivery.js";
import {
  ProviderError,
  type CallbackRequest,
  type SendReceipt,
  type SmsProvider,
  type StatusReport,
} from "./provider.js";

/** Where the Twilio client sends Messages API calls unless told otherwise. */
export const TWILIO_API_ORIGIN = "https://api.twilio.com";

export interface TwilioSettings {
  accountSid: string;
  authToken: string;
  /** Sender number (E.164). Used when no messaging service is set. */
  from?: string;
  /** Messaging service SID (MG…); preferred over `from`, it picks the sender itself. */
  messagingServiceSid?: string;
  /** Twilio's API, or a provider-compatible stand-in such as the development sink. */
  apiBaseUrl: string;
  /** Gives up on one API call after this long, well inside the function's lease. */
  timeoutMs: number;
}

/**
 * The Twilio client has no base-URL option, but it sends every call through its
 * replaceable HTTP client; this one moves calls meant for api.twilio.com to `baseUrl`,
 * keeping the client's request form, authentication and error parsing.
 */
export function rebaseUri(uri: string, baseUrl: string): string {
  const base = baseUrl.replace(/\/+$/, "");
  if (base === TWILIO_API_ORIGIN || !uri.startsWith(`${TWILIO_API_ORIGIN}/`)) return uri;
  return base + uri.slice(TWILIO_API_ORIGIN.length);
}

class RebasingRequestClient extends twilio.RequestClient {
  constructor(
    private readonly baseUrl: string,
    timeoutMs: number,
  ) {
    super({ timeout: timeoutMs, keepAlive: true });
  }

  override request<TData>(opts: RequestClient.RequestOptions<TData>): Promise<Response<TData>> {
    return super.request<TData>({ ...opts, uri: rebaseUri(opts.uri, this.baseUrl) });
  }
}

/**
 * Sorts a failed API call into a refusal of the message (4xx: bad number, unverified
 * sender, …) and a provider that may take it later (429, 5xx, no answer).
 */
export function classifyTwilioError(error: unknown): ProviderError {
  if (error instanceof twilio.RestException) {
    const retryable = error.status === 429 || error.status >= 500;
    const code = error.code === undefined ? `HTTP_${error.status}` : String(error.code);
    return new ProviderError(code, error.message, retryable);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new ProviderError(ErrorCodes.providerUnreachable, message, true);
}

/** The client hands back the raw string when a date does not parse; record none then. */
function asDate(value: unknown): Date | null {
  return value instanceof Date && !Number.isNaN(value.getTime()) ? value : null;
}

function header(headers: CallbackRequest["headers"], name: string): string | undefined {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

export function twilioProvider(settings: TwilioSettings): SmsProvider {
  const client = twilio(settings.accountSid, settings.authToken, {
    httpClient: new RebasingRequestClient(settings.apiBaseUrl, settings.timeoutMs),
  });
  const sender = settings.messagingServiceSid
    ? { messagingServiceSid: settings.messagingServiceSid }
    : { from: settings.from };

  return {
    async send(to, body, statusCallbackUrl): Promise<SendReceipt> {
      try {
        const message = await client.messages.create({
          to,
          body,
          statusCallback: statusCallbackUrl,
          ...sender,
        });
        return {
          sid: message.sid,
          status: message.status,
          dateCreated: asDate(message.dateCreated),
          dateSent: asDate(message.dateSent),
          dateUpdated: asDate(message.dateUpdated),
          messagingServiceSid: message.messagingServiceSid ?? null,
          numSegments: message.numSegments ?? null,
        };
      } catch (error) {
        throw classifyTwilioError(error);
      }
    },

    verifyCallback(request) {
      const signature = header(request.headers, twilio.SIGNATURE_HEADER);
      if (!signature) return false;
      return twilio.validateRequest(settings.authToken, signature, request.url, request.params);
    },

    parseCallback(params): StatusReport | null {
      const messageSid = params.MessageSid;
      const status = params.MessageStatus ?? params.SmsStatus;
      if (!messageSid || !status) return null;
      return { messageSid, status, errorCode: params.ErrorCode || null };
    },
  };
}
