/**
 * Runs tasks one at a time per key. The handler locks on the customer id around provisioning, so
 * two tabs (or a retry racing its original) cannot both see "no subscription yet" and both buy,
 * and a request repeating an `Idempotency-Key` waits for the first one and then finds its answer.
 *
 * The lock is a lease: it is held while the task runs, but at most `ttlMs`. A provision that hangs
 * (a billing API that never answers) must not lock its customer out of buying for good; after the
 * lease the next task for the key starts even though the hung one has not settled, and the hung
 * one, when it finally settles, cannot release a lock it no longer owns.
 *
 * The interface is this one call so that a multi-process deployment can implement it with a
 * distributed lock: `SET key token NX PX ttlMs` to acquire (retrying while taken), the task, then
 * delete the key only if it still holds `token` (owner-only release, as a short Lua script).
 */
export interface KeyedLockOptions {
  /** How long the lock may be held, in milliseconds. Must be positive. */
  ttlMs: number;
}

export interface KeyedLock {
  run<T>(key: string, task: () => Promise<T>, options: KeyedLockOptions): Promise<T>;
}

/**
 * A per-key chain of leases: each task starts when the previous lease for the key ends, that is
 * when the previous task settles or its `ttlMs` passes, whichever comes first.
 */
export function createMemoryKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>();

  return {
    run<T>(key: string, task: () => Promise<T>, { ttlMs }: KeyedLockOptions): Promise<T> {
      if (!(ttlMs > 0)) throw new RangeError(`KeyedLock ttlMs must be positive, got ${ttlMs}`);
      const previous = tails.get(key) ?? Promise.resolve();

      let endLease!: () => void;
      // Resolves once, when this task's lease ends; it never rejects, so the chain never breaks.
      const lease = new Promise<void>((resolve) => (endLease = resolve));

      const result = previous.then(() => {
        const expiry = setTimeout(endLease, ttlMs);
        const running = Promise.resolve().then(task);
        const settle = () => {
          clearTimeout(expiry);
          endLease();
        };
        running.then(settle, settle);
        return running;
      });

      tails.set(key, lease);
      // Forget idle keys so the map does not grow with every customer ever seen.
      void lease.then(() => {
        if (tails.get(key) === lease) tails.delete(key);
      });
      return result;
    },
  };
}
