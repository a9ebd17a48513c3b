/**
 * The single-process `UpgradeStore`, the handler's default: right for development, tests and an app
 * that runs as one process. Several processes each get their own, which guards nothing across
 * them; give them `createRedisStore` instead.
 */
import type { ClaimOutcome, IdempotentAnswer, UpgradeStore } from "./upgradeStore.js";

export interface MemoryStoreOptions {
  /** How long an answered key is remembered. Default 24 hours, as Stripe does. */
  answerTtlMs?: number;
  /** Oldest answers are dropped beyond this, so a flood of keys cannot exhaust memory. Default 10 000. */
  maxAnswers?: number;
  /** Clock in epoch milliseconds; inject one in tests. */
  now?: () => number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

interface Expiring {
  expiresAt: number;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): UpgradeStore {
  const answerTtlMs = options.answerTtlMs ?? DAY_MS;
  const maxAnswers = options.maxAnswers ?? 10_000;
  const now = options.now ?? Date.now;
  // All answers share one TTL, so insertion order is expiry order and sweeping stops at the first live one.
  const answers = new Map<string, Expiring & { answer: IdempotentAnswer }>();
  // Claims and locks live only while a request is in flight, so these maps stay small.
  const claims = new Map<string, Expiring & { owner: string; fingerprint: string }>();
  const locks = new Map<string, Expiring & { owner: string }>();

  function sweep(): void {
    const time = now();
    for (const [key, entry] of answers) {
      if (entry.expiresAt > time) break;
      answers.delete(key);
    }
    for (const map of [claims, locks]) {
      for (const [key, entry] of map) if (entry.expiresAt <= time) map.delete(key);
    }
  }

  return {
    async claimIdempotencyKey(key, { owner, fingerprint, ttlMs }): Promise<ClaimOutcome> {
      sweep();
      const answered = answers.get(key);
      if (answered) return { state: "answered", answer: { ...answered.answer } };
      const pending = claims.get(key);
      if (pending) return { state: "pending", fingerprint: pending.fingerprint };
      claims.set(key, { owner, fingerprint, expiresAt: now() + ttlMs });
      return { state: "claimed" };
    },

    async completeIdempotencyKey(key, claim, answer) {
      sweep();
      if (claims.get(key)?.owner !== claim.owner) return;
      claims.delete(key);
      // Re-inserting keeps the map in expiry order even if the key was somehow answered before.
      answers.delete(key);
      answers.set(key, { answer: { ...answer }, expiresAt: now() + answerTtlMs });
      while (answers.size > maxAnswers) {
        const oldest = answers.keys().next();
        if (oldest.done) break;
        answers.delete(oldest.value);
      }
    },

    async releaseIdempotencyKey(key, claim) {
      if (claims.get(key)?.owner === claim.owner) claims.delete(key);
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
