/**
 * A store that fails (Redis unreachable, a timeout, a record it cannot read) must stop a purchase
 * before it reaches billing, and the client must learn it can retry: the handler answers such a
 * failure with 503 STORE_UNAVAILABLE, never a generic 500. The original error is the `cause`, for
 * `onError`; the client never sees it.
 */
import type { UpgradeStore } from "./upgradeStore.js";

export class StoreUnavailableError extends Error {
  override readonly name = "StoreUnavailableError";

  constructor(cause: unknown) {
    super(`The idempotency and lock store failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export function isStoreUnavailableError(error: unknown): error is StoreUnavailableError {
  return error instanceof StoreUnavailableError;
}

/** The same store, with every failure (a rejection or a synchronous throw) as a StoreUnavailableError. */
export function guardStore(store: UpgradeStore): UpgradeStore {
  function guard<Args extends unknown[], Result>(call: (...args: Args) => Promise<Result>) {
    return async (...args: Args): Promise<Result> => {
      try {
        return await call(...args);
      } catch (error) {
        throw new StoreUnavailableError(error);
      }
    };
  }
  return {
    claimIdempotencyKey: guard(store.claimIdempotencyKey.bind(store)),
    completeIdempotencyKey: guard(store.completeIdempotencyKey.bind(store)),
    releaseIdempotencyKey: guard(store.releaseIdempotencyKey.bind(store)),
    acquireLock: guard(store.acquireLock.bind(store)),
    releaseLock: guard(store.releaseLock.bind(store)),
  };
}
