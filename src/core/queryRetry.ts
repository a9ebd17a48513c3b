/**
 * Which failed reads are worth retrying: only failures that may pass on their own (network, timeout,
 * 5xx, 408, 409, 429). A 4xx or a contract violation will fail the same way again, so the error shows at once.
 * The hooks use this unless the app's QueryClient sets its own `retry` default or the hook call does.
 */
import { isRetryableStatus } from "./retryableStatus.js";
import { UpgradeError } from "./UpgradeError.js";

export const MAX_QUERY_RETRIES = 2;

export function isTransientFailure(error: unknown): boolean {
  if (!(error instanceof UpgradeError)) return false;
  return error.code === "NETWORK" || error.code === "TIMEOUT" || (error.code === "HTTP" && isRetryableStatus(error.status));
}

export function shouldRetryQuery(failureCount: number, error: unknown): boolean {
  return failureCount < MAX_QUERY_RETRIES && isTransientFailure(error);
}
