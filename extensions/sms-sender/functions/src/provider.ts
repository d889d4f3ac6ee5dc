/**
 * What the extension needs from an SMS provider, so another one (a local gateway, say)
 * is one more module and one more `SMS_PROVIDER` value, not edits across the code.
 */
import type { SendReceiptView } from "./delivery.js";

export type SendReceipt = SendReceiptView;

/** A provider's delivery receipt, in the provider's status vocabulary. */
export interface StatusReport {
  messageSid: string;
  status: string;
  /** The network's error code on failure, else null. */
  errorCode: string | null;
}

/** An incoming receipt request, reduced to what signature checks read. */
export interface CallbackRequest {
  /** The public URL the provider was told to call, query string included. */
  url: string;
  headers: Record<string, string | string[] | undefined>;
  /** The form fields of the body. */
  params: Record<string, string>;
  /** The raw body, for providers that sign it. */
  rawBody?: string;
}

export interface SmsProvider {
  /** Hands one message to the provider; throws `ProviderError` when it does not take it. */
  send(to: string, body: string, statusCallbackUrl: string): Promise<SendReceipt>;
  /** True only for a receipt that the provider demonstrably signed. */
  verifyCallback(request: CallbackRequest): boolean;
  /** The receipt a verified request carries, or null when it carries none. */
  parseCallback(params: Record<string, string>): StatusReport | null;
}

/**
 * A send the provider did not take. `retryable`: it may take it later (it was down,
 * overloaded or unreachable); otherwise the message itself was refused.
 */
export class ProviderError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
