/**
 * The part of `@stigg/node-server-sdk` that `createStiggBackend` calls, described by shape rather
 * than imported, so the library does not depend on the SDK. The shapes are the SDK's own models
 * (3.95: `Paywall`, `Plan`, `Price`, `PackageEntitlement`, `FullCustomer`, `FullSubscription`,
 * `Entitlement`, `ProvisionSubscriptionResult`), narrowed to the fields the mapping reads, with the
 * SDK's enums widened to strings. `test/types/stiggSdk.ts` checks that the real `Stigg` client is
 * assignable to `StiggClientLike` with no cast, so a change in the SDK that breaks this shows in tsc.
 * Methods use method syntax on purpose: TypeScript then compares their parameters bivariantly, so
 * the SDK's enum-typed parameters still fit.
 */

export interface StiggFeature {
  id: string;
  displayName?: string | null;
  /** "BOOLEAN" | "NUMBER" | "ENUM" */
  featureType?: string | null;
  units?: string | null;
  unitsPlural?: string | null;
}

export interface StiggPriceTier {
  upTo?: number | null;
  unitPrice?: { amount: number } | null;
  flatPrice?: { amount: number } | null;
}

export interface StiggPrice {
  /** "FLAT_FEE" | "PER_UNIT" | "USAGE_BASED" | "CREDIT_BASED" | "MINIMUM_SPEND" */
  pricingModel: string;
  /** "MONTHLY" | "ANNUALLY" (also for one-off prices, which Stigg sells in a period's checkout). */
  billingPeriod: string;
  /** "RECURRING" | "ONE_OFF" */
  billingCadence?: string | null;
  /** Major units; null for tiered prices. */
  amount?: number | null;
  currency: string;
  tiers?: readonly StiggPriceTier[] | null;
  /** "VOLUME" | "GRADUATED" */
  tiersMode?: string | null;
  /** A PER_UNIT price charged per block of this many units. */
  blockSize?: number | null;
  minUnitQuantity?: number | null;
  maxUnitQuantity?: number | null;
  /** The priced feature; on a subscription's prices, `unitQuantity` is the quantity bought. */
  feature?: {
    featureId: string;
    units?: string | null;
    unitsPlural?: string | null;
    unitQuantity?: number | null;
  } | null;
}

/** A plan's or add-on's entitlement (the SDK's `PackageEntitlement`). */
export interface StiggPackageEntitlement {
  feature: StiggFeature;
  /** The SDK turns a missing limit into 0, so 0 here may mean "no limit given". */
  usageLimit?: number | null;
  hasUnlimitedUsage?: boolean | null;
  displayNameOverride?: string | null;
  /** Widgets that must not show this entitlement, e.g. ["PAYWALL"]. */
  hiddenFromWidgets?: readonly string[] | null;
  /** false: the plan lists the feature as not included. */
  isGranted?: boolean | null;
  /** ENUM features' values. Stigg's API sends them; SDK 3.95's model drops them (then absent). */
  enumValues?: readonly string[] | null;
}

export interface StiggAddon {
  id: string;
  displayName?: string | null;
  pricePoints?: readonly StiggPrice[] | null;
  maxQuantity?: number | null;
  /** What one unit of the add-on grants. */
  entitlements?: readonly StiggPackageEntitlement[] | null;
}

export interface StiggPlan {
  id: string;
  displayName?: string | null;
  description?: string | null;
  order?: number | null;
  /** "FREE" | "PAID" | "CUSTOM" */
  pricingType?: string | null;
  pricePoints?: readonly StiggPrice[] | null;
  entitlements?: readonly StiggPackageEntitlement[] | null;
  basePlan?: { id: string } | null;
  /** `units`: "DAY" | "MONTH" */
  defaultTrialConfig?: { duration: number; units: string } | null;
  compatibleAddons?: readonly StiggAddon[] | null;
  product?: { id: string } | null;
  metadata?: Readonly<Record<string, string>> | null;
}

export interface StiggPaywall {
  plans: readonly StiggPlan[];
}

/**
 * A subscription as `getActiveSubscriptions`/`getSubscription` answer it (`FullSubscription`), or
 * the slim one in a provision answer (`planId`, no `plan`, no dates).
 */
export interface StiggSubscription {
  id: string;
  /** "ACTIVE" | "IN_TRIAL" | "PAYMENT_PENDING" | "CANCELED" | "EXPIRED" | "NOT_STARTED" */
  status: string;
  plan?: { id: string } | null;
  planId?: string | null;
  /** Its prices; a per-unit price's `feature.unitQuantity` is the quantity bought. */
  prices?: readonly StiggPrice[] | null;
  addons?: readonly ({ quantity?: number | null } & ({ addon: { id: string } } | { addonId: string }))[] | null;
  startDate?: Date | null;
  trialEndDate?: Date | null;
  currentBillingPeriodEnd?: Date | null;
}

export interface StiggCustomer {
  hasPaymentMethod?: boolean | null;
  /** The plans this customer already had a trial of. */
  alreadyTrialPlans?: readonly { planId: string }[] | null;
}

/**
 * What the adapter passes to `provisionSubscription`: our params, with `startDate` as a Date, plus
 * whatever `provisionDefaults` adds (e.g. `awaitPaymentConfirmation`, `resourceId`).
 */
export interface StiggProvisionSubscriptionParams {
  customerId: string;
  planId: string;
  addons?: { addonId: string; quantity?: number }[];
  startDate?: Date;
  id?: string;
  billingPeriod?: string;
  unitQuantity?: number;
  billingInformation?: { taxRateIds?: string[]; taxPercentage?: number };
  checkoutOptions?: { successUrl: string; cancelUrl: string; allowPromoCodes?: boolean; collectBillingAddress?: boolean };
  metadata?: Record<string, string> | null;
}

export interface StiggProvisionResult {
  /** "SUCCESS" | "PAYMENT_REQUIRED" */
  provisionStatus: string;
  checkoutUrl?: string | null;
  subscription?: StiggSubscription | null;
}

/** One of a customer's entitlements (the SDK's `Entitlement` union). */
export interface StiggCustomerEntitlement {
  /** "BOOLEAN" | "NUMERIC" | "METERED" | "ENUM" */
  type: string;
  hasAccess: boolean;
  /** true: the SDK could not ask Stigg and answered its configured fallback. */
  isFallback?: boolean;
  feature?: { id: string; featureType?: string | null } | null;
  isUnlimited?: boolean;
  /** METERED */
  usageLimit?: number | null;
  currentUsage?: number;
  /** NUMERIC (a configuration number, e.g. 30 days of history) */
  value?: number | null;
  /** ENUM */
  enumValues?: readonly string[];
}

export interface StiggClientLike {
  /** With `customerId` the SDK asks Stigg's GraphQL API; without, its edge API (cached, public). */
  getPaywall(params: { productId?: string; customerId?: string }): Promise<StiggPaywall>;
  /** Throws an error whose `errorCode` is "CustomerNotFound" for an unknown customer. */
  getCustomer(customerId: string): Promise<StiggCustomer>;
  getActiveSubscriptions(params: { customerId: string }): Promise<readonly StiggSubscription[]>;
  getSubscription(params: { subscriptionId: string }): Promise<StiggSubscription>;
  /** Never throws: on failure the SDK logs and answers its fallback (see `isFallback`). */
  getEntitlements(customerId: string): Promise<readonly StiggCustomerEntitlement[]>;
  provisionSubscription(params: StiggProvisionSubscriptionParams): Promise<StiggProvisionResult>;
}
