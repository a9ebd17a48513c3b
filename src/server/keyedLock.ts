/**
 * Runs tasks one at a time per key. The handler locks on the customer id around provisioning, so
 * two tabs (or a retry racing its original) cannot both see "no subscription yet" and both buy,
 * and a request repeating an `Idempotency-Key` waits for the first one and then finds its answer.
 * A multi-process deployment implements this with a distributed lock (e.g. Redis `SET NX PX`).
 */
export interface KeyedLock {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

/** A per-key promise chain: each task starts when the previous one for the same key settles. */
export function createMemoryKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<void>>();

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(task);
      // The chain must go on after a failed task, and must not hold a rejection nobody handles.
      const tail = result.then(ignore, ignore);
      tails.set(key, tail);
      // Forget idle keys so the map does not grow with every customer ever seen.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
  };
}

function ignore(): void {}
