/**
 * Waiting on a shared store means asking again: a lock or a claim held by another instance sends
 * no signal when it ends. Backoff with jitter keeps a crowd of waiters (a hundred retries of one
 * purchase) from asking in lockstep, and the last try falls exactly at the deadline, so whatever
 * expires by then (a crashed holder's lease) is seen.
 */
const FIRST_DELAY_MS = 2;
const MAX_DELAY_MS = 50;

/** Calls `attempt` until it gives a value, or `timeoutMs` passes (then `undefined`). */
export async function pollUntil<T>(attempt: () => Promise<T | undefined>, timeoutMs: number): Promise<T | undefined> {
  const deadline = Date.now() + timeoutMs;
  let delay = FIRST_DELAY_MS;
  for (;;) {
    const result = await attempt();
    if (result !== undefined) return result;
    const left = deadline - Date.now();
    if (left <= 0) return undefined;
    const jittered = delay / 2 + Math.random() * (delay / 2);
    await new Promise((resolve) => setTimeout(resolve, Math.min(left, jittered)));
    delay = Math.min(delay * 2, MAX_DELAY_MS);
  }
}
