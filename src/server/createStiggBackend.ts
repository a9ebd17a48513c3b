/**
 * An `UpgradeBackend` over Stigg's server SDK (`@stigg/node-server-sdk`): plans from the paywall,
 * the customer and their active subscriptions, and provisioning through `provisionSubscription`,
 * whose checkout link (PAYMENT_REQUIRED) the React side follows. The handler in front of it has
 * already authenticated the customer, applied the field allowlist and `beforeProvision`, checked
 * return URLs and made the call idempotent, so this adapter only translates.
 *
 *   import { Stigg } from "@stigg/node-server-sdk";
 *   const backend = createStiggBackend(Stigg.initialize({ apiKey: process.env.STIGG_SERVER_API_KEY }));
 */
import type { ProvisionSubscriptionParams } from "../core/contract.js";
import type { BackendError, UpgradeBackend } from "./backend.js";
import type { StiggClientLike, StiggProvisionSubscriptionParams } from "./stiggClient.js";
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

  return {
    getPlans: (query) =>
      translatingErrors(async () =>
        plansFromPaywall(await stigg.getPaywall(query.productId === undefined ? {} : { productId: query.productId })),
      ),

    getCustomer: (customerId) =>
      translatingErrors(async () => {
        // Both at once: the paywall waits on this answer.
        const [customer, active] = await Promise.allSettled([
          stigg.getCustomer(customerId),
          stigg.getActiveSubscriptions?.({ customerId }),
        ]);
        if (customer.status === "rejected") {
          if (isCustomerNotFound(customer.reason)) return null;
          throw customer.reason;
        }
        if (!customer.value) return null;
        if (active.status === "rejected") throw active.reason;
        return toCustomer(customerId, customer.value, active.value ?? customer.value.subscriptions ?? []);
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
