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
import type { StiggClientLike, StiggCustomerEntitlement, StiggProvisionSubscriptionParams } from "./stiggClient.js";
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
   * CUSTOMER_NOT_FOUND). Default: the error, or its first GraphQL error, has code "CustomerNotFound".
   */
  isCustomerNotFound?: (error: unknown) => boolean;
  /**
   * Turns an SDK error into an answer the user may see (plan not found, add-on not compatible...),
   * or `undefined` to keep it a generic 500 reported to `onError`. By default every SDK error stays
   * a 500: their messages can name internals.
   */
  mapError?: (error: unknown) => BackendError | undefined;
  /**
   * Told when `getEntitlements` fails (or answers something other than a list). The customer is
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

  /** The entitlements to map, or `undefined` (absent method, or a failure told to `onEntitlementsError`). */
  function entitlementsOf(
    settled: PromiseSettledResult<readonly StiggCustomerEntitlement[] | undefined>,
    customerId: string,
  ): readonly StiggCustomerEntitlement[] | undefined {
    if (settled.status === "fulfilled" && (settled.value === undefined || Array.isArray(settled.value))) {
      return settled.value;
    }
    const error =
      settled.status === "rejected" ? settled.reason : new TypeError("Stigg getEntitlements answered something other than a list");
    options.onEntitlementsError?.(error, customerId);
    return undefined;
  }

  return {
    getPlans: (query) =>
      translatingErrors(async () =>
        plansFromPaywall(await stigg.getPaywall(query.productId === undefined ? {} : { productId: query.productId })),
      ),

    getCustomer: (customerId) =>
      translatingErrors(async () => {
        // All at once: the paywall waits on this answer.
        const [customer, active, entitlements] = await Promise.allSettled([
          stigg.getCustomer(customerId),
          stigg.getActiveSubscriptions?.({ customerId }),
          // Async, so that even a synchronous throw only costs the entitlements.
          (async () => stigg.getEntitlements?.({ customerId }))(),
        ]);
        if (customer.status === "rejected") {
          if (isCustomerNotFound(customer.reason)) return null;
          throw customer.reason;
        }
        if (!customer.value) return null;
        if (active.status === "rejected") throw active.reason;
        const subscriptions = active.value ?? customer.value.subscriptions ?? [];
        return toCustomer(customerId, customer.value, subscriptions, entitlementsOf(entitlements, customerId));
      }),

    provisionSubscription: (params) =>
      translatingErrors(async () => {
        const result = await stigg.provisionSubscription(toStiggParams(params, options.provisionDefaults));
        return toProvisionResult(result, params.planId);
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

function hasCustomerNotFoundCode(error: unknown): boolean {
  const codes = [codeOf(error), codeOf(firstGraphQLError(error))];
  return codes.some((code) => code !== undefined && code.replace(/[_\s-]/g, "").toLowerCase() === "customernotfound");
}

function codeOf(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const record = value as { code?: unknown; extensions?: { code?: unknown } };
  const code = record.code ?? record.extensions?.code;
  return typeof code === "string" ? code : undefined;
}

function firstGraphQLError(error: unknown): unknown {
  if (typeof error !== "object" || error === null) return undefined;
  const errors = (error as { graphQLErrors?: unknown }).graphQLErrors;
  return Array.isArray(errors) ? errors[0] : undefined;
}
