/**
 * The part of `@stigg/node-server-sdk` that `createStiggBackend` calls, described by shape rather
 * than imported, so the library does not depend on the SDK and any SDK version fits: every field
 * that differs between versions (or between the SDK's models and Stigg's GraphQL/REST types, e.g.
 * `id` vs `refId`, `provisionStatus` vs `status`, `pricePoints` vs `prices`) is optional here, and
 * the mapping reads whichever is present. Methods use method syntax on purpose: TypeScript then
 * compares their parameters bivariantly, so the SDK's enums and richer parameter types still fit.
 */

/** `refId` is what Stigg's GraphQL and REST types call the id that the SDK's models call `id`. */
export interface StiggRef {
  id?: string | null;
  refId?: string | null;
}

export interface StiggFeature extends StiggRef {
  displayName?: string | null;
  /** "BOOLEAN" | "NUMBER" in the SDK's enum. */
  featureType?: string | null;
  units?: string | null;
  unitsPlural?: string | null;
}

export interface StiggPrice {
  billingPeriod?: string | null;
  /** The SDK's name; Stigg's GraphQL calls it `billingModel`. */
  pricingModel?: string | null;
  billingModel?: string | null;
  /** Major units. GraphQL nests amount and currency in `price`. */
  amount?: number | null;
  currency?: string | null;
  price?: { amount?: number | null; currency?: string | null } | null;
  minUnitQuantity?: number | null;
  maxUnitQuantity?: number | null;
  feature?: (StiggFeature & { featureId?: string | null }) | null;
}

export interface StiggEntitlement {
  feature?: StiggFeature | null;
  featureId?: string | null;
  usageLimit?: number | null;
  hasUnlimitedUsage?: boolean | null;
  displayNameOverride?: string | null;
  /** Widgets that must not show this entitlement, e.g. ["PAYWALL"]. */
  hiddenFromWidgets?: readonly string[] | null;
}

export interface StiggAddon extends StiggRef {
  displayName?: string | null;
  pricePoints?: readonly StiggPrice[] | null;
  prices?: readonly StiggPrice[] | null;
  maxQuantity?: number | null;
  /** What one unit of the add-on grants. */
  entitlements?: readonly StiggEntitlement[] | null;
}

export interface StiggPlan extends StiggRef {
  displayName?: string | null;
  description?: string | null;
  order?: number | null;
  /** "FREE" | "PAID" | "CUSTOM" */
  pricingType?: string | null;
  pricePoints?: readonly StiggPrice[] | null;
  prices?: readonly StiggPrice[] | null;
  entitlements?: readonly StiggEntitlement[] | null;
  basePlan?: StiggRef | null;
  defaultTrialConfig?: { duration?: number | null; units?: string | null } | null;
  compatibleAddons?: readonly StiggAddon[] | null;
  product?: StiggRef | null;
  metadata?: Record<string, unknown> | null;
}

export interface StiggSubscription {
  id: string;
  /** "ACTIVE" | "IN_TRIAL" | "PAYMENT_PENDING" | "CANCELED" | "EXPIRED" | "NOT_STARTED" */
  status: string;
  plan?: StiggRef | null;
  planId?: string | null;
  billingPeriod?: string | null;
  price?: { billingPeriod?: string | null } | null;
  unitQuantity?: number | null;
  prices?: readonly { unitQuantity?: number | null }[] | null;
  addons?: readonly { quantity?: number | null; addonId?: string | null; addon?: StiggRef | null }[] | null;
  startDate?: Date | string | null;
  trialEndDate?: Date | string | null;
  currentBillingPeriodEnd?: Date | string | null;
}

export interface StiggCustomer {
  id?: string | null;
  hasPaymentMethod?: boolean | null;
  subscriptions?: readonly StiggSubscription[] | null;
  trialedPlans?: readonly { planId?: string | null; planRefId?: string | null }[] | null;
}

/** Older SDKs answer the plans; newer ones (and the GraphQL query) a paywall object holding them. */
export type StiggPaywall = readonly StiggPlan[] | { plans: readonly StiggPlan[] };

/**
 * What `createStiggBackend` passes to `provisionSubscription`: our params, with `startDate` as a
 * Date, plus whatever `provisionDefaults` adds (e.g. `awaitPaymentConfirmation`, `resourceId`).
 * Field types are wide (strings for the SDK's enums, optional and nullable members) so that the
 * SDK's own parameter type is assignable to this one, whatever its version.
 */
export interface StiggProvisionSubscriptionParams {
  customerId: string;
  planId: string;
  addons?: readonly { addonId: string; quantity?: number | null }[] | null;
  startDate?: Date | null;
  id?: string | null;
  billingPeriod?: string | null;
  unitQuantity?: number | null;
  billingInformation?: { taxRateIds?: readonly string[] | null; taxPercentage?: number | null } | null;
  checkoutOptions?: {
    successUrl: string;
    cancelUrl: string;
    allowPromoCodes?: boolean | null;
    collectBillingAddress?: boolean | null;
  } | null;
  metadata?: Record<string, unknown> | null;
}

export interface StiggProvisionResult {
  /** The node SDK's field; REST and newer types say `status`. "SUCCESS" | "PAYMENT_REQUIRED" */
  provisionStatus?: string | null;
  status?: string | null;
  checkoutUrl?: string | null;
  checkoutBillingId?: string | null;
  subscription?: StiggSubscription | null;
}

/**
 * One of a customer's entitlements as `getEntitlements` answers it: the node SDK's `Entitlement`
 * (`type`, `hasAccess`, `isUnlimited`, `feature.id`), or Stigg's GraphQL/REST entitlement
 * (`isGranted`, `hasUnlimitedUsage`, `feature.refId`, `type: "FEATURE"`).
 */
export interface StiggCustomerEntitlement {
  /** The node SDK's kind: "BOOLEAN" | "NUMERIC" | "METERED". REST says "FEATURE" (or "CREDIT"). */
  type?: string | null;
  /** `featureType` is "BOOLEAN" | "NUMBER" | "ENUM". */
  feature?: StiggFeature | null;
  hasAccess?: boolean | null;
  isGranted?: boolean | null;
  isUnlimited?: boolean | null;
  hasUnlimitedUsage?: boolean | null;
  usageLimit?: number | null;
  currentUsage?: number | null;
  /** A NUMERIC (configuration) feature's number, e.g. 30 for "30 days of history". */
  value?: number | null;
  displayNameOverride?: string | null;
}

export interface StiggClientLike {
  getPaywall(params: { productId?: string }): Promise<StiggPaywall>;
  getCustomer(customerId: string): Promise<StiggCustomer | null | undefined>;
  /** Used for the customer's subscriptions when present; else `getCustomer(...).subscriptions`. */
  getActiveSubscriptions?(params: { customerId: string }): Promise<readonly StiggSubscription[]>;
  /**
   * Used for `Customer.entitlements` when present; without it the customer carries none. Old SDKs
   * took a bare `customerId` string here; they do not fit this type (tsc says so), so leave it out.
   */
  getEntitlements?(params: { customerId: string; resourceId?: string }): Promise<readonly StiggCustomerEntitlement[]>;
  provisionSubscription(params: StiggProvisionSubscriptionParams): Promise<StiggProvisionResult>;
}
