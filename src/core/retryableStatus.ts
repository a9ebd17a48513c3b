/**
 * HTTP statuses that say "try again later" rather than "no": server errors, and 408 (timeout),
 * 409 (conflict, e.g. a provision for the same customer still running) and 429 (rate limited).
 * Shared by the read retry policy and by the provision coordinator's key keeping.
 */
export function isRetryableStatus(status: number | undefined): boolean {
  return status === undefined || status >= 500 || status === 408 || status === 409 || status === 429;
}
