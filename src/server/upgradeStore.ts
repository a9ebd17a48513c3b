/**
 * What the handler keeps between requests, and what must be shared once the app runs as several
 * processes (containers, serverless functions): a retry or a second click may land on another
 * instance, and a guard kept in one process would let both instances buy.
 *
 * Two things, each a handful of atomic operations so that any shared engine can implement them
 * (`createMemoryStore` for one process, `createRedisStore` for many):
 * - idempotency records: a request claims its `Idempotency-Key` atomically, then stores its answer
 *   for a retention time; a repeat reads the answer back, or sees the claim and waits for it;
 * - the per-customer provisioning lock: acquired with a TTL (a lease, so a crashed holder cannot
 *   lock its customer out for good) and released only by its owner.
 *
 * A store bounds its records per customer (`IdempotencyClaim.customerId`), and may bound them in
 * total, by refusing new keys (`limited`), never by dropping a record that has not expired: a
 * dropped answer is a retry that provisions a second time, and a shared pool would let one
 * customer's flood of keys push out everyone else's. A key it already holds is never refused.
 *
 * Waiting (polling with backoff, deadlines) is the handler's business, not the store's. A store
 * signals an outage by throwing or rejecting; the handler then answers 503 STORE_UNAVAILABLE.
 */

export interface IdempotentAnswer {
  /** Canonical JSON of the request it answered; a different request under the same key is refused. */
  fingerprint: string;
  status: number;
  /** The JSON response body, as sent. */
  body: string;
}

/** One request's claim on an idempotency key. */
export interface IdempotencyClaim {
  /** Unique per request, so only this request can complete or release its claim. */
  owner: string;
  /** Canonical JSON of the request, so a different request under the key is told apart at once. */
  fingerprint: string;
  /** How long the claim holds without an answer; after it, a crashed owner's key is free again. */
  ttlMs: number;
  /** Whose key it is: a store bounds its records per customer, so one customer cannot flush another's. */
  customerId: string;
}

/** What claiming a key found. */
export type ClaimOutcome =
  /** The key was free and is now this request's to answer. */
  | { state: "claimed" }
  /** Another request holds the key and has not answered yet. */
  | { state: "pending"; fingerprint: string }
  /** The key was answered; the answer is kept for the store's retention time. */
  | { state: "answered"; answer: IdempotentAnswer }
  /**
   * The key is free but the store keeps no more records for this customer (or no more at all) until
   * one expires, `retryAfterMs` from now. Nothing was claimed; the handler answers 429.
   */
  | { state: "limited"; retryAfterMs: number };

export interface UpgradeStore {
  /**
   * Atomically: claims `key` if it is free, else tells who holds it or what it answered; a free key
   * of a customer at the store's bound is `limited` instead, and nothing is claimed.
   */
  claimIdempotencyKey(key: string, claim: IdempotencyClaim): Promise<ClaimOutcome>;
  /**
   * Replaces the claim with its answer, kept for the store's retention time. Does nothing when the
   * claim is no longer this owner's (it expired and another request took the key).
   */
  completeIdempotencyKey(key: string, claim: IdempotencyClaim, answer: IdempotentAnswer): Promise<void>;
  /** Frees a claim without an answer (an unexpected failure), so a retry runs again. Owner only. */
  releaseIdempotencyKey(key: string, claim: IdempotencyClaim): Promise<void>;
  /** Takes the lock for `ttlMs` unless someone holds it; true when taken. Never waits. */
  acquireLock(key: string, owner: string, ttlMs: number): Promise<boolean>;
  /** Frees the lock if `owner` still holds it; a lease that expired and was taken over stays taken. */
  releaseLock(key: string, owner: string): Promise<void>;
}
