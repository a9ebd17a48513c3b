/**
 * What `createUpgradeHandler` needs from a billing system. The handler owns HTTP (routing, identity,
 * validation, idempotency, locking); a backend owns billing rules. `createMemoryBackend` implements
 * this for the demo and tests; a Stigg adapter implements it for production.
 */
import type {
  BillingPeriod,
  Customer,
  Plan,
  ProvisionSubscriptionParams,
  ProvisionSubscriptionResult,
} from "../core/contract.js";

export interface PlansQuery {
  productId?: string;
  /**
   * The signed-in customer, when the request has one (plans are public, so it may not): a billing
   * system may answer that customer's prices and plans.
   */
  customerId?: string;
}

export interface ProvisionContext {
  /**
   * Absolute URL under which the handler serves the dev checkout page (`{origin}{basePath}/checkout`).
   * A backend with its own checkout (Stripe, Stigg) ignores it; one that uses the handler's page
   * answers `checkoutUrl: `${checkoutBaseUrl}/${sessionId}``.
   */
  checkoutBaseUrl: string;
  /** The incoming request, for backends that need headers (locale, tracing). Its body is already read. */
  request: Request;
}

export type CheckoutSessionStatus = "OPEN" | "PAID" | "CANCELED";

/** What the dev checkout page shows. Amounts are raw so the page formats them for its locale. */
export interface CheckoutSessionView {
  id: string;
  planName: string;
  /** Total due each billing period, in major units of `currency` (unit prices already × quantity). */
  amount: number;
  /** Charged once, with the first payment, on top of `amount` (onboarding fees); absent when none. */
  oneOffAmount?: number;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  billingPeriod: BillingPeriod;
  /** Set when the plan is priced per unit. */
  unitQuantity?: number;
  /** What one unit is, plural form ("seats"), when the price names it. */
  unitsLabel?: string;
  status: CheckoutSessionStatus;
}

export interface CheckoutRedirect {
  /** Where the browser goes after the form post (303). */
  redirectTo: string;
}

/** A backend-run stand-in for a payment provider's hosted checkout. Only for development and tests. */
export interface CheckoutSessions {
  get(sessionId: string): CheckoutSessionView | null | Promise<CheckoutSessionView | null>;
  /** Completes the session. Paying an already-paid session redirects again and changes nothing. */
  pay(sessionId: string): Promise<CheckoutRedirect>;
  cancel(sessionId: string): Promise<CheckoutRedirect>;
}

export interface UpgradeBackend {
  getPlans(query: PlansQuery): Promise<Plan[]>;
  /** `null` means no such customer; the handler answers 404 CUSTOMER_NOT_FOUND. */
  getCustomer(customerId: string): Promise<Customer | null>;
  provisionSubscription(
    params: ProvisionSubscriptionParams,
    context: ProvisionContext,
  ): Promise<ProvisionSubscriptionResult>;
  /** When present, the handler serves the dev checkout page at `{basePath}/checkout/:sessionId`. */
  checkout?: CheckoutSessions;
}

/**
 * An expected failure that the client should see as is: the handler answers `status` with
 * `{ error: { code, message } }`. Anything else a backend throws becomes a generic 500, so messages
 * here must be safe to show to the signed-in user.
 *
 * Codes used by the bundled backends: PLAN_NOT_FOUND (404), PLAN_NOT_PROVISIONABLE (400),
 * BILLING_PERIOD_NOT_AVAILABLE (400), INVALID_UNIT_QUANTITY (400), ADDON_NOT_AVAILABLE (400),
 * INVALID_ADDON_QUANTITY (400), SUBSCRIPTION_ID_TAKEN (409), CUSTOMER_NOT_FOUND (404),
 * CHECKOUT_SESSION_NOT_FOUND (404), CHECKOUT_SESSION_CLOSED (409).
 */
export class BackendError extends Error {
  override readonly name = "BackendError";
  readonly code: string;
  readonly status: number;

  constructor(code: string, status: number, message: string) {
    super(message);
    // A 2xx/3xx "error" would make the handler send an error body with a success status.
    if (!Number.isInteger(status) || status < 400 || status > 599) {
      throw new RangeError(`BackendError status must be 400-599, got ${status}`);
    }
    this.code = code;
    this.status = status;
  }
}

export function isBackendError(value: unknown): value is BackendError {
  return value instanceof BackendError;
}
