/**
 * Runs a task under a store lock: waits for the lock (it is a lease, so any holder lets go within
 * its TTL, even a crashed one), runs the task, then releases the lock if it is still ours. A task
 * that outlives its lease keeps running, but the next waiter goes ahead, as with any lease: a hung
 * billing call must not lock its customer out for good.
 */
import { pollUntil } from "./pollUntil.js";
import type { UpgradeStore } from "./upgradeStore.js";

export interface WithLockOptions {
  /** How long the lock is held at most. */
  ttlMs: number;
  /** How long to wait for the lock before giving up. */
  waitMs: number;
  /** Told when releasing fails after the task ran; the task's result stands (the lease ends anyway). */
  onReleaseError: (error: unknown) => void;
}

export type LockedResult<T> = { ran: true; value: T } | { ran: false };

export async function withLock<T>(
  store: UpgradeStore,
  key: string,
  task: () => Promise<T>,
  { ttlMs, waitMs, onReleaseError }: WithLockOptions,
): Promise<LockedResult<T>> {
  const owner = crypto.randomUUID();
  const acquired = await pollUntil(async () => ((await store.acquireLock(key, owner, ttlMs)) ? true : undefined), waitMs);
  if (!acquired) return { ran: false };
  try {
    return { ran: true, value: await task() };
  } finally {
    await store.releaseLock(key, owner).catch(onReleaseError);
  }
}
