/**
 * Makes provisioning safe against double actions. One coordinator lives per provider:
 * - while a provision for an intent is in flight, another call for the same intent joins it
 *   (ten quick clicks → one POST);
 * - the idempotency key of an intent is kept until the backend gave a definitive answer, so a retry
 *   after a network error or a 5xx reuses it and the backend can never provision twice.
 * "The same intent" means the same params, compared as canonical JSON.
 */
import type { ProvisionSubscriptionParams, ProvisionSubscriptionResult } from "./contract.js";
import { canonicalJson } from "./canonicalJson.js";
import { createIdempotencyKey } from "./idempotencyKey.js";
import { createSingleFlight } from "./singleFlight.js";
import type { UpgradeClient } from "./httpClient.js";
import { UpgradeError } from "./UpgradeError.js";

export interface ProvisionCoordinator {
  provision(params: ProvisionSubscriptionParams): Promise<ProvisionSubscriptionResult>;
  /** The key a provision of `params` would send now (a retry's key), or undefined if none is kept. */
  pendingIdempotencyKey(params: ProvisionSubscriptionParams): string | undefined;
}

export interface ProvisionCoordinatorOptions {
  createKey?: () => string;
}

export function createProvisionCoordinator(
  client: Pick<UpgradeClient, "provisionSubscription">,
  options: ProvisionCoordinatorOptions = {},
): ProvisionCoordinator {
  const createKey = options.createKey ?? createIdempotencyKey;
  const flights = createSingleFlight();
  const keptKeys = new Map<string, string>();

  return {
    provision(params) {
      const intent = canonicalJson(params);
      return flights.run(intent, () => {
        let idempotencyKey = keptKeys.get(intent);
        if (idempotencyKey === undefined) {
          idempotencyKey = createKey();
          keptKeys.set(intent, idempotencyKey);
        }
        return client.provisionSubscription(params, { idempotencyKey }).then(
          (result) => {
            keptKeys.delete(intent);
            return result;
          },
          (error: unknown) => {
            if (!mayHaveProvisioned(error)) keptKeys.delete(intent);
            throw error;
          },
        );
      });
    },
    pendingIdempotencyKey(params) {
      return keptKeys.get(canonicalJson(params));
    },
  };
}

/**
 * Whether the backend may have acted on a failed request, so a retry must carry the same key.
 * A definitive refusal (400, 403, 404, 422 …) did not provision anything: a new attempt gets a new key.
 */
function mayHaveProvisioned(error: unknown): boolean {
  if (!(error instanceof UpgradeError)) return true;
  if (error.code !== "HTTP") return true;
  const status = error.status ?? 500;
  return status >= 500 || status === 408 || status === 409 || status === 429;
}
