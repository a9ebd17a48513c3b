/**
 * The second half of the provision coordinator (see provisionCoordinator.ts): waits for the
 * started POST, retries what may succeed on a second try with the same idempotency key, and
 * forgets the key once the backend's answer is definitive. Loaded lazily, while the first POST is
 * in flight: a page whose user never clicks never downloads it.
 */
import type { ProvisionAttempt, StartedProvision } from "./provisionCoordinator.js";
import { retryDelay, shouldRetry } from "./queryRetry.js";
import { isRetryableStatus } from "./retryableStatus.js";
import { UpgradeError } from "./UpgradeError.js";

export async function settleProvision(started: StartedProvision): Promise<ProvisionAttempt> {
  const { idempotencyKey } = started;
  let answer = started.first;
  for (let failures = 0; ; failures++) {
    try {
      const result = await answer;
      started.forgetKey();
      return { result, idempotencyKey };
    } catch (error) {
      if (!shouldRetry(failures, error, true)) {
        if (!mayHaveProvisioned(error)) started.forgetKey();
        throw error;
      }
      await new Promise((wake) => setTimeout(wake, retryDelay(failures, error)));
      answer = started.resend();
    }
  }
}

/**
 * Whether the backend may have acted on a failed request, so a retry must carry the same key.
 * A definitive refusal (400, 403, 404, 422 …) did not provision anything: a new attempt gets a new key.
 */
function mayHaveProvisioned(error: unknown): boolean {
  return !(error instanceof UpgradeError && error.code === "HTTP" && !isRetryableStatus(error.status));
}
