/**
 * The one error type the library raises. `code` says what went wrong on our side of the wire;
 * `serverCode`/`message` carry the backend's own `{ error: { code, message } }` when it sent one.
 */
export type UpgradeErrorCode =
  /** fetch rejected: offline, DNS, connection reset, CORS. */
  | "NETWORK"
  /** No answer within the client's timeout. */
  | "TIMEOUT"
  /** Cancelled by the caller (unmount, query cancellation). */
  | "ABORTED"
  /** A non-2xx answer. */
  | "HTTP"
  /** A 2xx answer whose body is not JSON or breaks the contract's schema. */
  | "INVALID_RESPONSE"
  /** The backend asked to go to a checkout URL the guard refused. */
  | "CHECKOUT_URL_REJECTED"
  /** Embedded checkout could not get Stripe.js (blocked, offline, timeout) and had no URL to fall back to. */
  | "STRIPE_UNAVAILABLE"
  /** The call itself was wrong (e.g. no customerId anywhere). */
  | "INVALID_ARGUMENT"
  /** Something else threw (e.g. the app's own `navigate`); the original is the `cause`. */
  | "UNEXPECTED";

export interface UpgradeErrorOptions {
  status?: number;
  serverCode?: string;
  retryAfterMs?: number;
  details?: unknown;
  cause?: unknown;
}

export class UpgradeError extends Error {
  override readonly name = "UpgradeError";
  readonly code: UpgradeErrorCode;
  /** HTTP status, when an answer arrived. */
  readonly status: number | undefined;
  /** The backend's `error.code`, when it sent one. */
  readonly serverCode: string | undefined;
  /** The answer's `Retry-After` in milliseconds from when it arrived (a 429 or 503 usually sends one). */
  readonly retryAfterMs: number | undefined;
  /** Extra facts for debugging, e.g. schema issues or the rejected URL. */
  readonly details: unknown;

  constructor(code: UpgradeErrorCode, message: string, options: UpgradeErrorOptions = {}) {
    // Error sets `cause` only when `options` has the key.
    super(message, options);
    this.code = code;
    this.status = options.status;
    this.serverCode = options.serverCode;
    this.retryAfterMs = options.retryAfterMs;
    this.details = options.details;
  }
}

export function isUpgradeError(value: unknown): value is UpgradeError {
  return value instanceof UpgradeError;
}
