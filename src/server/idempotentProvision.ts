/**
 * Runs a checked provision at most once per `Idempotency-Key` and at most one at a time per
 * customer: claims the key (or waits for and replays its answer), takes the customer's lock, runs
 * `beforeProvision` and the backend, then keeps the answer for retries or releases the key.
 */
import { IDEMPOTENCY_KEY_HEADER, type ProvisionSubscriptionParams } from "../core/contract.js";
import { canonicalJson } from "../core/canonicalJson.js";
import { isBackendError, type UpgradeBackend } from "./backend.js";
import { runBeforeProvision, type BeforeProvision } from "./beforeProvision.js";
import { errorBody } from "./httpResponses.js";
import { pollUntil } from "./pollUntil.js";
import type { IdempotencyClaim, UpgradeStore } from "./upgradeStore.js";
import { withLock } from "./withLock.js";

export interface IdempotentProvisionContext {
  backend: Pick<UpgradeBackend, "provisionSubscription">;
  beforeProvision: BeforeProvision | undefined;
  /** Already guarded (`guardStore`): its failures are StoreUnavailableErrors. */
  store: UpgradeStore;
  /** The longest a provision holds (and waits for) its customer's lock. */
  lockTtlMs: number;
  /** How long a claimed key stays the claimant's, and how long a repeat waits for its answer. */
  claimTtlMs: number;
  /** Where the backend's dev checkout links point, for this request. */
  checkoutBaseUrl(request: Request, url: URL): string;
  /** Told about failures that must not change the answer (keeping it, releasing the lock). */
  report(error: unknown, request: Request): void;
}

/** The answer to send; `replayed` when it was kept from an earlier request with the same key. */
export interface ProvisionAnswer {
  status: number;
  body: string;
  replayed: boolean;
  headers?: Record<string, string>;
}

/** A provision's answer; `busy` when it never ran because the customer's lock stayed taken. */
interface LockedProvision {
  status: number;
  body: string;
  busy: boolean;
}

function errorAnswer(status: number, code: string, message: string): ProvisionAnswer {
  return { status, body: JSON.stringify(errorBody(code, message)), replayed: false };
}

/**
 * One provision per `Idempotency-Key`, across every instance sharing the store: the first request
 * claims the key and provisions; a repeat waits for its answer and replays it; a different body
 * under the key is refused, even while the first one still runs.
 */
export async function provisionIdempotently(
  context: IdempotentProvisionContext,
  params: ProvisionSubscriptionParams,
  idempotencyKey: string,
  request: Request,
  url: URL,
): Promise<ProvisionAnswer> {
  const { store, claimTtlMs } = context;
  // Keys are per customer: one customer's key can neither collide with nor reveal another's answer.
  const storeKey = JSON.stringify([params.customerId, idempotencyKey]);
  // The client's request, not what beforeProvision makes of it: the hook may add values that
  // differ on every call (a timestamp), and a retry must still match its original.
  const claim: IdempotencyClaim = {
    owner: crypto.randomUUID(),
    fingerprint: canonicalJson(params),
    ttlMs: claimTtlMs,
    customerId: params.customerId,
  };
  // Until the key is ours or answered, or held for another body. A crashed owner's claim expires
  // within claimTtlMs, so waiting that long sees it either answered or free.
  const outcome = await pollUntil(async () => {
    const found = await store.claimIdempotencyKey(storeKey, claim);
    return found.state === "pending" && found.fingerprint === claim.fingerprint ? undefined : found;
  }, claimTtlMs);

  if (outcome === undefined) {
    // Shown to the user by the Paywall, so it names no header (the code says what happened).
    const message = "This purchase is still being processed. Try again in a moment.";
    return errorAnswer(409, "IDEMPOTENCY_KEY_IN_USE", message);
  }
  if (outcome.state === "limited") {
    // This customer (or everyone, when the store is full) has as many records as the store keeps;
    // refusing the new one is what keeps every existing record, and so every retry, safe.
    const message = "Too many purchase attempts. Please wait a moment and try again.";
    const retryAfter = String(Math.max(1, Math.ceil(outcome.retryAfterMs / 1000)));
    return { ...errorAnswer(429, "TOO_MANY_REQUESTS", message), headers: { "Retry-After": retryAfter } };
  }
  if (outcome.state === "answered" && outcome.answer.fingerprint === claim.fingerprint) {
    return { status: outcome.answer.status, body: outcome.answer.body, replayed: true };
  }
  if (outcome.state !== "claimed") {
    // Answered or still pending, for another body.
    const message = `This ${IDEMPOTENCY_KEY_HEADER} was already used for a different request.`;
    return errorAnswer(422, "IDEMPOTENCY_KEY_REUSED", message);
  }

  let fresh: LockedProvision;
  try {
    fresh = await provisionLocked(context, params, request, url);
  } catch (error) {
    // Not kept, so a retry runs again. Releasing may fail in the same outage; the claim then
    // expires by itself, and the error that matters is the one rethrown.
    await store.releaseIdempotencyKey(storeKey, claim).catch(() => {});
    throw error;
  }
  if (fresh.busy) {
    await store.releaseIdempotencyKey(storeKey, claim).catch(() => {});
  } else {
    // The purchase happened: the client gets its answer even if keeping it fails, and onError
    // hears of it, since a retry after this claim expires would provision again.
    await store
      .completeIdempotencyKey(storeKey, claim, { fingerprint: claim.fingerprint, status: fresh.status, body: fresh.body })
      .catch((error: unknown) => context.report(error, request));
  }
  return { status: fresh.status, body: fresh.body, replayed: false };
}

/**
 * Provisions under the customer's lock, so two tabs (or two keys, or none) cannot both see "no
 * subscription yet" and both buy. `busy` when the lock stayed taken for a whole lease.
 */
async function provisionLocked(
  context: IdempotentProvisionContext,
  params: ProvisionSubscriptionParams,
  request: Request,
  url: URL,
): Promise<LockedProvision> {
  const { store, lockTtlMs } = context;
  const locked = await withLock(store, params.customerId, () => runProvision(context, params, request, url), {
    ttlMs: lockTtlMs,
    waitMs: lockTtlMs,
    onReleaseError: (error) => context.report(error, request),
  });
  if (locked.ran) return { ...locked.value, busy: false };
  const message = "Another purchase for this customer is still in progress. Try again in a moment.";
  return { ...errorAnswer(409, "CUSTOMER_BUSY", message), busy: true };
}

/**
 * Calls the backend once and turns its answer, or its BackendError, into the response to keep.
 * Other errors propagate: they are not stored, so a retry with the same key runs again.
 */
async function runProvision(
  context: IdempotentProvisionContext,
  params: ProvisionSubscriptionParams,
  request: Request,
  url: URL,
): Promise<{ status: number; body: string }> {
  const { backend, beforeProvision } = context;
  try {
    const checkoutBaseUrl = context.checkoutBaseUrl(request, url);
    const prepared = beforeProvision ? await runBeforeProvision(beforeProvision, params, request) : params;
    const result = await backend.provisionSubscription(prepared, { checkoutBaseUrl, request });
    return { status: 200, body: JSON.stringify(result) };
  } catch (error) {
    if (!isBackendError(error)) throw error;
    return { status: error.status, body: JSON.stringify(errorBody(error.code, error.message)) };
  }
}
