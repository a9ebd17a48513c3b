/**
 * Makes provisioning safe against double actions and flaky networks. One coordinator lives per
 * provider:
 * - the idempotency key of a request is kept until the backend gave a definitive answer, so a retry
 *   (automatic, or the user's after the error showed) reuses it and the backend can never provision twice;
 * - a network error or a 5xx is retried by itself, with the same key (at most twice, after a short
 *   wait; see queryRetry.ts).
 * Joining concurrent calls for one request (ten quick clicks → one POST) is the caller's single flight.
 * "The same request" means the same params, compared as canonical JSON (its `requestKey`).
 */
import type { ProvisionSubscriptionParams, ProvisionSubscriptionResult } from "./contract.js";
import { canonicalJson } from "./canonicalJson.js";
import { createIdempotencyKey } from "./idempotencyKey.js";
import type { UpgradeClient } from "./httpClient.js";
import { retryDelay, shouldRetryProvision } from "./queryRetry.js";
import { isRetryableStatus } from "./retryableStatus.js";
import { UpgradeError } from "./UpgradeError.js";

export interface ProvisionAttempt {
  result: ProvisionSubscriptionResult;
  /** The key the answer came back for; remembered across a checkout redirect. */
  idempotencyKey: string;
}

export interface ProvisionCoordinator {
  provision(params: ProvisionSubscriptionParams): Promise<ProvisionAttempt>;
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
    async provision(params) {
      const requestKey = canonicalJson(params);
      const idempotencyKey = keptKeys.get(requestKey) ?? createKey();
      keptKeys.set(requestKey, idempotencyKey);
      for (let failures = 0; ; failures++) {
        try {
          const result = await client.provisionSubscription(params, { idempotencyKey });
          keptKeys.delete(requestKey);
          return { result, idempotencyKey };
        } catch (error) {
          if (!shouldRetryProvision(failures, error)) {
            if (!mayHaveProvisioned(error)) keptKeys.delete(requestKey);
            throw error;
          }
          await new Promise((wake) => setTimeout(wake, retryDelay(failures, error)));
        }
      }
    },
  };
}

/**
 * Whether the backend may have acted on a failed request, so a retry must carry the same key.
 * A definitive refusal (400, 403, 404, 422 …) did not provision anything: a new attempt gets a new key.
 */
function mayHaveProvisioned(error: unknown): boolean {
  return !(error instanceof UpgradeError && error.code === "HTTP" && !isRetryableStatus(error.status));
}
