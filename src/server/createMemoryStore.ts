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
 *
 * Expiry is amortized O(1): records of one TTL (every answer; every claim of one handler) expire
 * in the order they were written, so each TTL has a queue in write order and a sweep pops what
 * has expired off the front. Locks are checked when taken, and the expired ones cleared in a scan
 * that runs only once their number has doubled.
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
   * The most records in the whole store, a bound on memory (about 0.5 KB a record: 100 000 take
   * some 50 MB). Default 100 000. At it, a new key of any customer is refused the same way (the
   * handler answers 429 TOO_MANY_REQUESTS with `Retry-After`: when the store's soonest-expiring
   * record expires), until a record expires. No record is ever dropped to make room and the window
   * is never shortened: every key answered within `answerTtlMs` is replayed, however full the store.
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
/** Below this many queued entries a queue is not compacted (compacting costs a copy). */
const COMPACT_MIN = 1024;

type MemoryRecord = { key: string; customerId: string; expiresAt: number } & (
  | { state: "pending"; owner: string; fingerprint: string }
  | { state: "answered"; fingerprint: string; status: number; body: string }
);

/** Records of one TTL in write order; entries before `head` are gone (emptied, so nothing keeps them). */
interface ExpiryQueue {
  items: (MemoryRecord | undefined)[];
  head: number;
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
  /** A customer's keys: the key itself while it has one (most have), a Set beyond. */
  const keysByCustomer = new Map<string, string | Set<string>>();
  // One queue per TTL. A record replaced (a claim by its answer) or released leaves its entry
  // behind, which is skipped as not current when it reaches the front.
  const queues = new Map<number, ExpiryQueue>();
  // Locks live only while a request is in flight, one per customer, so this map stays small; one
  // whose holder hung is replaced when next taken, or cleared by the occasional scan.
  const locks = new Map<string, { owner: string; expiresAt: number }>();
  let lockScanAt = COMPACT_MIN;

  const isCurrent = (record: MemoryRecord) => records.get(record.key) === record;

  function put(record: MemoryRecord, ttlMs: number): void {
    remove(record.key);
    records.set(record.key, record);
    const keys = keysByCustomer.get(record.customerId);
    if (keys === undefined) keysByCustomer.set(record.customerId, record.key);
    else if (typeof keys === "string") keysByCustomer.set(record.customerId, new Set([keys, record.key]));
    else keys.add(record.key);
    let queue = queues.get(ttlMs);
    if (!queue) queues.set(ttlMs, (queue = { items: [], head: 0 }));
    queue.items.push(record);
  }

  function remove(key: string): void {
    const record = records.get(key);
    if (!record) return;
    records.delete(key);
    const keys = keysByCustomer.get(record.customerId);
    if (keys === undefined) return;
    if (typeof keys === "string") {
      keysByCustomer.delete(record.customerId);
      return;
    }
    keys.delete(key);
    if (keys.size === 1) keysByCustomer.set(record.customerId, keys.values().next().value as string);
  }

  function sweep(time: number): void {
    for (const [ttlMs, queue] of queues) {
      const { items } = queue;
      let { head } = queue;
      for (; head < items.length; head += 1) {
        const record = items[head]!;
        if (isCurrent(record)) {
          if (record.expiresAt > time) break;
          remove(record.key);
        }
        items[head] = undefined;
      }
      if (head === items.length) {
        queues.delete(ttlMs);
        continue;
      }
      queue.head = head;
      // Drop what lies before the front once it is most of the array, and stale entries once they
      // outnumber the records: the queues stay within a constant of the store's size.
      const queued = items.length - head;
      if (queued > 2 * records.size + COMPACT_MIN) {
        queue.items = items.slice(head).filter((record) => isCurrent(record!));
        queue.head = 0;
      } else if (head > COMPACT_MIN && head * 2 > items.length) {
        queue.items = items.slice(head);
        queue.head = 0;
      }
    }
  }

  /** The soonest expiry of any record; call after `sweep`, which leaves a current record in front. */
  function soonestExpiry(time: number): number {
    let soonest = Infinity;
    for (const queue of queues.values()) soonest = Math.min(soonest, queue.items[queue.head]?.expiresAt ?? Infinity);
    return soonest === Infinity ? time : soonest;
  }

  /** How long until `customerId` may claim a new key; 0 when it may now. Call after `sweep`. */
  function waitBeforeNewRecord(customerId: string, time: number): number {
    const keys = keysByCustomer.get(customerId);
    const count = keys === undefined ? 0 : typeof keys === "string" ? 1 : keys.size;
    if (count >= maxRecordsPerCustomer) {
      // At most maxRecordsPerCustomer records to look at.
      let soonest = Infinity;
      for (const key of typeof keys === "string" ? [keys] : keys!) soonest = Math.min(soonest, records.get(key)?.expiresAt ?? Infinity);
      return Math.max(1, soonest - time);
    }
    if (records.size >= maxRecords) return Math.max(1, soonestExpiry(time) - time);
    return 0;
  }

  return {
    async claimIdempotencyKey(key, { owner, fingerprint, ttlMs, customerId }): Promise<ClaimOutcome> {
      const time = now();
      sweep(time);
      const existing = records.get(key);
      if (existing?.state === "answered") {
        return { state: "answered", answer: { fingerprint: existing.fingerprint, status: existing.status, body: existing.body } };
      }
      if (existing?.state === "pending") return { state: "pending", fingerprint: existing.fingerprint };
      const retryAfterMs = waitBeforeNewRecord(customerId, time);
      if (retryAfterMs > 0) return { state: "limited", retryAfterMs };
      put({ key, state: "pending", customerId, owner, fingerprint, expiresAt: time + ttlMs }, ttlMs);
      return { state: "claimed" };
    },

    async completeIdempotencyKey(key, claim, answer: IdempotentAnswer) {
      const time = now();
      sweep(time);
      const pending = records.get(key);
      if (pending?.state !== "pending" || pending.owner !== claim.owner) return;
      // Replaces the claim, so the customer's count is unchanged and never needs checking here.
      const { fingerprint, status, body } = answer;
      put({ key, state: "answered", customerId: pending.customerId, fingerprint, status, body, expiresAt: time + answerTtlMs }, answerTtlMs);
    },

    async releaseIdempotencyKey(key, claim) {
      const pending = records.get(key);
      if (pending?.state === "pending" && pending.owner === claim.owner) remove(key);
    },

    async acquireLock(key, owner, ttlMs) {
      const time = now();
      const held = locks.get(key);
      if (held && held.expiresAt > time) return false;
      locks.set(key, { owner, expiresAt: time + ttlMs });
      if (locks.size > lockScanAt) {
        for (const [lockKey, lock] of locks) if (lock.expiresAt <= time) locks.delete(lockKey);
        lockScanAt = 2 * locks.size + COMPACT_MIN;
      }
      return true;
    },

    async releaseLock(key, owner) {
      if (locks.get(key)?.owner === owner) locks.delete(key);
    },
  };
}

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new RangeError(`createMemoryStore: ${name} must be a positive integer, got ${value}`);
  }
  return value;
}
