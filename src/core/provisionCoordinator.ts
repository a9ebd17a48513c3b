/**
 * Makes provisioning safe against double actions and flaky networks. One coordinator lives per
 * provider, in two halves:
 * - `start` (here, in the first load) sends the first POST at once, with the intent's idempotency
 *   key: kept until the backend gave a definitive answer, so a retry (automatic, or the user's
 *   after the error showed) reuses it and the backend can never provision twice;
 * - `settleProvision` (provisionSettle.ts, loaded lazily while that POST is in flight) waits for
 *   the answer, retries a network error or a 5xx by itself with the same key (at most twice, after
 *   a short wait; see queryRetry.ts), and forgets the key once the answer is definitive.
 * Joining concurrent calls for one intent (ten quick clicks → one POST) is the caller's single flight.
 * "The same intent" means the same params, compared as canonical JSON.
 */
import type { ProvisionSubscriptionParams, ProvisionSubscriptionResult } from "./contract.js";
import { canonicalJson } from "./canonicalJson.js";
import { createIdempotencyKey } from "./idempotencyKey.js";
import type { UpgradeClient } from "./httpClient.js";

export interface ProvisionAttempt {
  result: ProvisionSubscriptionResult;
  /** The key the answer came back for; remembered across a checkout redirect. */
  idempotencyKey: string;
}

/** A provision whose first POST is on its way. */
export interface StartedProvision {
  params: ProvisionSubscriptionParams;
  idempotencyKey: string;
  /** The first POST's answer. */
  first: Promise<ProvisionSubscriptionResult>;
  /** Sends the POST again, with the same key. */
  resend: () => Promise<ProvisionSubscriptionResult>;
  /** The backend answered definitively: the next attempt at this intent gets a new key. */
  forgetKey: () => void;
}

export interface ProvisionCoordinator {
  start(params: ProvisionSubscriptionParams): StartedProvision;
}

export interface ProvisionCoordinatorOptions {
  createKey?: () => string;
}

export function createProvisionCoordinator(
  client: Pick<UpgradeClient, "provisionSubscription">,
  options: ProvisionCoordinatorOptions = {},
): ProvisionCoordinator {
  const createKey = options.createKey ?? createIdempotencyKey;
  const keptKeys = new Map<string, string>();

  return {
    start(params) {
      const intent = canonicalJson(params);
      const idempotencyKey = keptKeys.get(intent) ?? createKey();
      keptKeys.set(intent, idempotencyKey);
      const resend = () => client.provisionSubscription(params, { idempotencyKey });
      const first = resend();
      // Settled by settleProvision; marked handled in case that code never loads.
      first.catch(() => undefined);
      return { params, idempotencyKey, first, resend, forgetKey: () => keptKeys.delete(intent) };
    },
  };
}
