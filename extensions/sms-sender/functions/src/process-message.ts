import { logger } from "firebase-functions";
import type { DocumentReference } from "firebase-admin/firestore";
import type { Config } from "./config.js";
import {
  decideClaim,
  readMessage,
  settle,
  withRedaction,
  type FieldUpdate,
  type SendOutcome,
} from "./delivery.js";
import { deliveryView, toFirestore } from "./firestore.js";
import { ProviderError, type SmsProvider } from "./provider.js";

/** Thrown to have the platform deliver the event again later. */
export class RetryLater extends Error {
  override name = "RetryLater";
}

interface Deps {
  config: Config;
  provider: SmsProvider;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Sends one message document, attempt after attempt, each under a lease claimed in a
 * transaction: a duplicate event finds the message settled or leased, and a function
 * that dies mid-send leaves a lease that runs out, after which the platform's retry of
 * the event takes the message over (or gives it up once attempts are used).
 */
export async function processMessage(ref: DocumentReference, deps: Deps): Promise<void> {
  const { config, provider } = deps;
  const now = deps.now ?? Date.now;
  const sleep = deps.sleep ?? pause;
  const db = ref.firestore;

  for (;;) {
    const claim = await db.runTransaction(async (tx) => {
      const snapshot = await tx.get(ref);
      if (!snapshot.exists) return { kind: "done" } as const;
      const at = now();
      const decision = decideClaim(deliveryView(snapshot.data()), at, config.policy);
      let update: FieldUpdate | null = null;
      if (decision.kind === "queue" || decision.kind === "claim") update = decision.update;
      if (decision.kind === "give-up") {
        update = withRedaction(decision.update, snapshot.data() ?? {}, config.codePattern, at);
      }
      if (update) tx.update(ref, toFirestore(update));
      return { ...decision, data: snapshot.data() ?? {} };
    });

    switch (claim.kind) {
      case "done":
        return;
      case "queue":
        continue;
      case "busy":
        logger.info("Message is being sent by another attempt; retrying later", {
          id: ref.id,
          leaseLeftMs: claim.leaseLeftMs,
        });
        throw new RetryLater(`Message ${ref.id} is leased for ${claim.leaseLeftMs} ms more`);
      case "give-up":
        logger.warn("Message given up: its attempts never finished", { id: ref.id });
        return;
      case "claim":
        break;
    }

    const outcome = await attempt(claim.data, provider, config.statusCallbackUrl);
    const settlement = await db.runTransaction(async (tx) => {
      const snapshot = await tx.get(ref);
      const at = now();
      const decision = settle(
        deliveryView(snapshot.data()),
        claim.attempt,
        outcome,
        at,
        config.policy,
      );
      if (decision.kind === "final") {
        const update = withRedaction(
          decision.update,
          snapshot.data() ?? {},
          config.codePattern,
          at,
        );
        tx.update(ref, toFirestore(update));
      } else if (decision.kind === "retry") {
        tx.update(ref, toFirestore(decision.update));
      }
      return decision;
    });

    logger.info("SMS attempt settled", {
      id: ref.id,
      attempt: claim.attempt,
      outcome: outcome.kind === "sent" ? outcome.receipt.status : outcome.error.code,
      settlement: settlement.kind,
    });
    if (settlement.kind !== "retry") return;
    await sleep(settlement.afterMs);
  }
}

async function attempt(
  data: Record<string, unknown>,
  provider: SmsProvider,
  statusCallbackUrl: string,
): Promise<SendOutcome> {
  const message = readMessage(data);
  if (!message.ok) return { kind: "failed", error: { ...message.error, retryable: false } };
  try {
    const receipt = await provider.send(message.to, message.body, statusCallbackUrl);
    return { kind: "sent", receipt };
  } catch (error) {
    const failure =
      error instanceof ProviderError
        ? error
        : new ProviderError("PROVIDER_FAILURE", String(error), true);
    return {
      kind: "failed",
      error: { code: failure.code, message: failure.message, retryable: failure.retryable },
    };
  }
}
