/**
 * Runs at most one task per key at a time: a call while the task for its key is running gets the
 * running task's promise instead of starting another.
 */
export interface SingleFlight {
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
}

export function createSingleFlight(): SingleFlight {
  const running = new Map<string, Promise<unknown>>();
  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const current = running.get(key);
      if (current) return current as Promise<T>;
      const started = task().finally(() => running.delete(key));
      running.set(key, started);
      return started;
    },
  };
}
