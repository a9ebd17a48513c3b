/**
 * Where the handler keeps the first answer to each `Idempotency-Key`, so a retried provision
 * (flaky network, double click, a second tab) replays that answer instead of buying twice.
 * The interface is async and stores plain strings so a shared store (Redis: `SET key value PX ttl`)
 * can implement it when the app runs on more than one process.
 */
export interface IdempotentAnswer {
  /** Canonical JSON of the request it answered; a different request under the same key is refused. */
  fingerprint: string;
  status: number;
  /** The JSON response body, as sent. */
  body: string;
}

export interface IdempotencyStore {
  get(key: string): Promise<IdempotentAnswer | undefined>;
  /** Keeps the answer for the store's retention time. */
  set(key: string, answer: IdempotentAnswer): Promise<void>;
}

export interface MemoryIdempotencyStoreOptions {
  /** How long a key is remembered. Default 24 hours, as Stripe does. */
  ttlMs?: number;
  /** Oldest keys are dropped beyond this, so a flood of keys cannot exhaust memory. Default 10 000. */
  maxEntries?: number;
  /** Clock in epoch milliseconds; inject one in tests. */
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A single-process store. Entries live in insertion order, which is also expiry order. */
export function createMemoryIdempotencyStore(options: MemoryIdempotencyStoreOptions = {}): IdempotencyStore {
  const ttlMs = options.ttlMs ?? DAY_MS;
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  const entries = new Map<string, { answer: IdempotentAnswer; expiresAt: number }>();

  function dropExpired(): void {
    const time = now();
    for (const [key, entry] of entries) {
      if (entry.expiresAt > time) break;
      entries.delete(key);
    }
  }

  return {
    async get(key) {
      dropExpired();
      const entry = entries.get(key);
      return entry ? { ...entry.answer } : undefined;
    },

    async set(key, answer) {
      dropExpired();
      // Re-inserting moves the key to the end, keeping the map in expiry order.
      entries.delete(key);
      entries.set(key, { answer: { ...answer }, expiresAt: now() + ttlMs });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next();
        if (oldest.done) break;
        entries.delete(oldest.value);
      }
    },
  };
}
