/**
 * When and how soon the library retries by itself.
 * - Reads: only failures that may pass on their own (network, timeout, 5xx, 408, 409, 429). A 4xx or
 *   a contract violation will fail the same way again, so the error shows at once. The hooks use this
 *   unless the app's QueryClient sets its own `retry` (or `retryDelay`) default or the hook call does.
 * - Provision POSTs: only a network error or a 5xx, where the request may not have been acted on;
 *   the coordinator retries with the same Idempotency-Key, so the backend can never provision twice.
 * Both at most twice, after 0.5 s then 1 s, or after the server's `Retry-After` when it sent one. A
 * `Retry-After` longer than MAX_RETRY_WAIT_MS is not waited for: the error shows at once, with its retry.
 */
import { isRetryableStatus } from "./retryableStatus.js";
import { UpgradeError } from "./UpgradeError.js";

export const MAX_QUERY_RETRIES = 2;
export const MAX_RETRY_WAIT_MS = 10_000;

/**
 * Whether react-query retries a read after failure number `failureCount + 1` (its `retry` option):
 * within the budget, no `Retry-After` too long to wait for, and a failure that may pass.
 */
export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return (
    mayRetry(failureCount, error) &&
    (error.code === "NETWORK" || error.code === "TIMEOUT" || (error.code === "HTTP" && isRetryableStatus(error.status)))
  );
}

/**
 * Whether the provision coordinator retries its POST after failure number `failureCount + 1`:
 * as for reads, but only after a network error or a 5xx answer.
 */
export function shouldRetryProvision(failureCount: number, error: unknown): boolean {
  return mayRetry(failureCount, error) && (error.code === "NETWORK" || (error.status ?? 0) >= 500);
}

/** Within the retry budget, an UpgradeError, and no `Retry-After` longer than we wait. */
function mayRetry(failureCount: number, error: unknown): error is UpgradeError {
  return (
    failureCount < MAX_QUERY_RETRIES &&
    error instanceof UpgradeError &&
    (error.retryAfterMs ?? 0) <= MAX_RETRY_WAIT_MS
  );
}

/** The wait before the retry after failure number `failureCount + 1` (react-query counts from 0). */
export function retryDelay(failureCount: number, error: unknown): number {
  return (error as UpgradeError | undefined)?.retryAfterMs ?? 500 * 2 ** failureCount;
}
