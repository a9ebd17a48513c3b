/**
 * The single-process `UpgradeStore`, the handler's default: right for development, tests and an app
 * that runs as one process. Several processes each get their own, which guards nothing across
 * them; give them `createRedisStore` instead.
 *
 * Memory is bounded by refusing new records, never by dropping live ones: a dropped answer is a
 * retry that buys a second time, and with one shared pool a single customer's flood of keys could
 * push out everyone else's. So records are counted per customer, and a new key of a customer at its
 * bound (or of anyone, once the whole store is full) is `limited` until one of the records in the
 * way expires. Retries of keys the store already holds are never limited.
 */
import type { ClaimOutcome, IdempotentAnswer, UpgradeStore } from "./upgradeStore.js";

export interface MemoryStoreOptions {
  /** How long an answered key is remembered. Default 24 hours, as Stripe does. */
  answerTtlMs?: number;
  /**
   * The most idempotency records one customer may hold at once: its pending claims plus its kept
   * answers. Default 100. At it, a new `Idempotency-Key` of that customer is not claimed (the
   * handler answers 429 TOO_MANY_REQUESTS with `Retry-After`: when the customer's soonest-expiring
   * record expires, an answer `answerTtlMs` after it was given, a claim after its TTL). Its retries
   * of keys already held are answered as usual, and no other customer is affected.
   */
  maxRecordsPerCustomer?: number;
  /**
   * The most records in the whole store, a bound on memory. Default 100 000. At it, a new key of
   * any customer is refused the same way, until the store's soonest-expiring record expires; no
   * record is ever dropped to make room.
   */
  maxRecords?: number;
  /**
   * @deprecated Use `maxRecords`. Read as `maxRecords` when that is not given; records are no longer
   * dropped beyond it, new keys are refused instead.
   */
  maxAnswers?: number;
  /** Clock in epoch milliseconds; inject one in tests. */
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const DEFAULT_MAX_RECORDS_PER_CUSTOMER = 100;
const DEFAULT_MAX_RECORDS = 100_000;

type RecordFields = { customerId: string; expiresAt: number } & (
  | { state: "pending"; owner: string; fingerprint: string }
  | { state: "answered"; answer: IdempotentAnswer }
);

type MemoryRecord = RecordFields & {
  /** Tells this record from an earlier one under the same key, for the expiry heap's stale entries. */
  version: number;
};

interface ExpiryEntry {
  expiresAt: number;
  key: string;
  version: number;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): UpgradeStore {
  const answerTtlMs = options.answerTtlMs ?? DAY_MS;
  const maxRecordsPerCustomer = positiveInteger(
    options.maxRecordsPerCustomer ?? DEFAULT_MAX_RECORDS_PER_CUSTOMER,
    "maxRecordsPerCustomer",
  );
  const maxRecords = positiveInteger(options.maxRecords ?? options.maxAnswers ?? DEFAULT_MAX_RECORDS, "maxRecords");
  const now = options.now ?? Date.now;

  const records = new Map<string, MemoryRecord>();
  const keysByCustomer = new Map<string, Set<string>>();
  // Claims and answers have different TTLs (and claims their own each), so expiry order is not
  // insertion order: a min-heap finds what expired, and the soonest expiry for `retryAfterMs`, in
  // O(log n). Replaced and released records leave their entries behind, skipped by `version`.
  const expiries = createMinHeap();
  let nextVersion = 0;
  // Locks live only while a request is in flight, one per customer, so this map stays small.
  const locks = new Map<string, { owner: string; expiresAt: number }>();

  function put(key: string, record: RecordFields): void {
    remove(key);
    const stored: MemoryRecord = { ...record, version: nextVersion++ };
    records.set(key, stored);
    let keys = keysByCustomer.get(stored.customerId);
    if (!keys) keysByCustomer.set(stored.customerId, (keys = new Set()));
    keys.add(key);
    expiries.push({ expiresAt: stored.expiresAt, key, version: stored.version });
  }

  function remove(key: string): void {
    const record = records.get(key);
    if (!record) return;
    records.delete(key);
    const keys = keysByCustomer.get(record.customerId);
    keys?.delete(key);
    if (keys?.size === 0) keysByCustomer.delete(record.customerId);
  }

  const isCurrent = (entry: ExpiryEntry) => records.get(entry.key)?.version === entry.version;

  function sweep(): void {
    const time = now();
    for (let entry = expiries.peek(); entry && (entry.expiresAt <= time || !isCurrent(entry)); entry = expiries.peek()) {
      expiries.pop();
      if (isCurrent(entry)) remove(entry.key);
    }
    // Stale entries of released or answered claims wait for their own expiry; rebuilding once they
    // outnumber the records keeps the heap within a constant of the store's bound.
    if (expiries.size() > 2 * records.size + 1024) {
      expiries.rebuild([...records].map(([key, { expiresAt, version }]) => ({ expiresAt, key, version })));
    }
    for (const [key, lock] of locks) if (lock.expiresAt <= time) locks.delete(key);
  }

  /** How long until `customerId` may claim a new key; 0 when it may now. Call after `sweep`. */
  function waitBeforeNewRecord(customerId: string): number {
    const keys = keysByCustomer.get(customerId);
    if (keys && keys.size >= maxRecordsPerCustomer) {
      // At most maxRecordsPerCustomer records to look at.
      let soonest = Infinity;
      for (const key of keys) soonest = Math.min(soonest, records.get(key)?.expiresAt ?? Infinity);
      return Math.max(1, soonest - now());
    }
    if (records.size >= maxRecords) {
      // After sweep the heap's top is a current record, the soonest to expire.
      return Math.max(1, (expiries.peek()?.expiresAt ?? now()) - now());
    }
    return 0;
  }

  return {
    async claimIdempotencyKey(key, { owner, fingerprint, ttlMs, customerId }): Promise<ClaimOutcome> {
      sweep();
      const existing = records.get(key);
      if (existing?.state === "answered") return { state: "answered", answer: { ...existing.answer } };
      if (existing?.state === "pending") return { state: "pending", fingerprint: existing.fingerprint };
      const retryAfterMs = waitBeforeNewRecord(customerId);
      if (retryAfterMs > 0) return { state: "limited", retryAfterMs };
      put(key, { state: "pending", customerId, owner, fingerprint, expiresAt: now() + ttlMs });
      return { state: "claimed" };
    },

    async completeIdempotencyKey(key, claim, answer) {
      sweep();
      const pending = records.get(key);
      if (pending?.state !== "pending" || pending.owner !== claim.owner) return;
      // Replaces the claim, so the customer's count is unchanged and never needs checking here.
      put(key, { state: "answered", customerId: pending.customerId, answer: { ...answer }, expiresAt: now() + answerTtlMs });
    },

    async releaseIdempotencyKey(key, claim) {
      const pending = records.get(key);
      if (pending?.state === "pending" && pending.owner === claim.owner) remove(key);
    },

    async acquireLock(key, owner, ttlMs) {
      sweep();
      if (locks.has(key)) return false;
      locks.set(key, { owner, expiresAt: now() + ttlMs });
      return true;
    },

    async releaseLock(key, owner) {
      if (locks.get(key)?.owner === owner) locks.delete(key);
    },
  };
}

/** A binary min-heap of expiry entries, by `expiresAt`. */
function createMinHeap() {
  let items: ExpiryEntry[] = [];
  const less = (a: number, b: number) => items[a]!.expiresAt < items[b]!.expiresAt;
  const swap = (a: number, b: number) => {
    [items[a], items[b]] = [items[b]!, items[a]!];
  };
  function down(start: number): void {
    for (let index = start; ; ) {
      const left = 2 * index + 1;
      const right = left + 1;
      let smallest = index;
      if (left < items.length && less(left, smallest)) smallest = left;
      if (right < items.length && less(right, smallest)) smallest = right;
      if (smallest === index) return;
      swap(index, smallest);
      index = smallest;
    }
  }
  return {
    size: () => items.length,
    peek: (): ExpiryEntry | undefined => items[0],
    push(entry: ExpiryEntry): void {
      items.push(entry);
      for (let index = items.length - 1; index > 0; ) {
        const parent = (index - 1) >> 1;
        if (!less(index, parent)) break;
        swap(index, parent);
        index = parent;
      }
    },
    pop(): void {
      const last = items.pop();
      if (last === undefined || items.length === 0) return;
      items[0] = last;
      down(0);
    },
    rebuild(entries: ExpiryEntry[]): void {
      items = entries;
      for (let index = (items.length >> 1) - 1; index >= 0; index -= 1) down(index);
    },
  };
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`createMemoryStore: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}
