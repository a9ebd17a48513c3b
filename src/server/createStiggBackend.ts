/**
 * An `UpgradeBackend` over Stigg's server SDK (`@stigg/node-server-sdk`): plans from the paywall,
 * the customer with their active subscriptions and entitlements, and provisioning through
 * `provisionSubscription`, whose checkout link (PAYMENT_REQUIRED) the React side follows. The
 * handler in front of it has already authenticated the customer, applied the field allowlist and
 * `beforeProvision`, checked return URLs and made the call idempotent, so this adapter only translates.
 *
 *   import { Stigg } from "@stigg/node-server-sdk";
 *   const backend = createStiggBackend(Stigg.initialize({ apiKey: process.env.STIGG_SERVER_API_KEY }));
 */
import type { ProvisionSubscriptionParams } from "../core/contract.js";
import type { BackendError, UpgradeBackend } from "./backend.js";
import type {
  StiggClientLike,
  StiggCustomerEntitlement,
  StiggProvisionSubscriptionParams,
  StiggSubscription,
} from "./stiggClient.js";
import { plansFromPaywall, toCustomer, toProvisionResult } from "./stiggMapping.js";

export interface StiggBackendOptions {
  /**
   * Extra `provisionSubscription` fields for every call, beneath the request's own, e.g.
   * `{ awaitPaymentConfirmation: true }` or a `resourceId`. Server-side values that depend on the
   * customer belong in the handler's `beforeProvision` instead.
   */
  provisionDefaults?: Readonly<Record<string, unknown>>;
  /**
   * Whether an error from `getCustomer` means "no such customer" (the handler then answers 404
   * CUSTOMER_NOT_FOUND). Default: the SDK's error has `errorCode` "CustomerNotFound".
   */
  isCustomerNotFound?: (error: unknown) => boolean;
  /**
   * Turns an SDK error into an answer the user may see (plan not found, add-on not compatible...),
   * or `undefined` to keep it a generic 500 reported to `onError`. By default every SDK error stays
   * a 500: their messages can name internals.
   */
  mapError?: (error: unknown) => BackendError | undefined;
  /**
   * Told when `getEntitlements` fails (the SDK answers its fallback, or something other than a list). The customer is
   * still answered, without `entitlements`, so the paywall and the current plan still show; only
   * feature gates read as locked until the next successful read. Report it like `onError`.
   */
  onEntitlementsError?: (error: unknown, customerId: string) => void;
}

export function createStiggBackend(stigg: StiggClientLike, options: StiggBackendOptions = {}): UpgradeBackend {
  const isCustomerNotFound = options.isCustomerNotFound ?? hasCustomerNotFoundCode;

  async function translatingErrors<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw options.mapError?.(error) ?? error;
    }
  }

  /**
   * The entitlements to map, or `undefined` (told to `onEntitlementsError`). The SDK never throws
   * here: when it cannot ask Stigg it logs and answers its configured fallback, whose entries say
   * `isFallback`. With no fallback configured that answer is an empty list, which looks like a
   * customer without entitlements: configure `entitlementsFallback` in the SDK to tell them apart.
   */
  function entitlementsOf(
    settled: PromiseSettledResult<readonly StiggCustomerEntitlement[]>,
    customerId: string,
  ): readonly StiggCustomerEntitlement[] | undefined {
    let error: unknown;
    if (settled.status === "rejected") error = settled.reason;
    else if (!Array.isArray(settled.value)) error = new TypeError("Stigg getEntitlements answered something other than a list");
    else if (settled.value.length > 0 && settled.value.every((entitlement) => entitlement.isFallback === true)) {
      error = new Error("Stigg's SDK answered its fallback entitlements: it could not read them (the SDK logged why)");
    } else return settled.value;
    options.onEntitlementsError?.(error, customerId);
    return undefined;
  }

  /**
   * The subscription a SUCCESS created, read in full: the provision answer's own has no start date.
   * If that read fails, the subscription exists all the same, and failing now would make the user
   * retry a purchase that went through; so it is answered from the slim one, started now.
   */
  async function createdSubscription(slim: StiggSubscription): Promise<StiggSubscription> {
    try {
      return await stigg.getSubscription({ subscriptionId: slim.id });
    } catch {
      return { ...slim, startDate: slim.startDate ?? new Date() };
    }
  }

  return {
    getPlans: (query) =>
      translatingErrors(async () => {
        // With a customer, Stigg answers that customer's paywall (their prices, their hidden plans)
        // from its GraphQL API; without (anonymous pages, server rendering), the SDK's edge API.
        const params: { productId?: string; customerId?: string } = {};
        if (query.productId !== undefined) params.productId = query.productId;
        if (query.customerId !== undefined) params.customerId = query.customerId;
        return plansFromPaywall(await stigg.getPaywall(params));
      }),

    getCustomer: (customerId) =>
      translatingErrors(async () => {
        // All at once: the paywall waits on this answer.
        const [customer, active, entitlements] = await Promise.allSettled([
          stigg.getCustomer(customerId),
          stigg.getActiveSubscriptions({ customerId }),
          // Async, so that even a synchronous throw only costs the entitlements.
          (async () => stigg.getEntitlements(customerId))(),
        ]);
        if (customer.status === "rejected") {
          if (isCustomerNotFound(customer.reason)) return null;
          throw customer.reason;
        }
        if (active.status === "rejected") throw active.reason;
        return toCustomer(customerId, customer.value, active.value, entitlementsOf(entitlements, customerId));
      }),

    provisionSubscription: (params) =>
      translatingErrors(async () => {
        const result = await stigg.provisionSubscription(toStiggParams(params, options.provisionDefaults));
        const subscription =
          result.provisionStatus.toUpperCase() === "SUCCESS" && result.subscription
            ? await createdSubscription(result.subscription)
            : result.subscription;
        return toProvisionResult(result, params.planId, subscription);
      }),
  };
}

/** The request as the SDK takes it: every field as is, except `startDate`, which the SDK types as a Date. */
function toStiggParams(
  params: ProvisionSubscriptionParams,
  defaults: Readonly<Record<string, unknown>> = {},
): StiggProvisionSubscriptionParams {
  const { startDate, ...rest } = params;
  return { ...defaults, ...rest, ...(startDate === undefined ? {} : { startDate: new Date(startDate) }) };
}

/** The SDK's errors carry Stigg's GraphQL error code as `errorCode` ("CustomerNotFound"). */
function hasCustomerNotFoundCode(error: unknown): boolean {
  if (typeof error !== "object" || error === null) return false;
  const code = (error as { errorCode?: unknown }).errorCode;
  return typeof code === "string" && code.replace(/[_\s-]/g, "").toLowerCase() === "customernotfound";
}
