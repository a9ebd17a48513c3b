/**
 * The endpoint contract: the JSON that travels between the React library and the app's backend.
 * Names follow Stigg's provisioning model. Extend, never rename: apps and backends depend on these.
 * Every response type here has a runtime schema in `schemas.ts`; keep the two in step.
 */

// Each enum of the contract is listed once, here; its type is derived from the list, and the
// schemas and the Stigg mapping check values against the same lists.
/** In the order a paywall's period switch lists them. */
export const BILLING_PERIODS = ["MONTHLY", "ANNUALLY"] as const;
export const PRICING_TYPES = ["FREE", "PAID", "CUSTOM"] as const;
export const PRICING_MODELS = ["FLAT_FEE", "PER_UNIT", "USAGE_BASED"] as const;
export const FEATURE_TYPES = ["BOOLEAN", "NUMBER", "ENUM"] as const;
export const BILLING_CADENCES = ["RECURRING", "ONE_OFF"] as const;
export const TIERS_MODES = ["VOLUME", "GRADUATED"] as const;
export const TRIAL_UNITS = ["DAY", "MONTH"] as const;
export const SUBSCRIPTION_STATUSES = ["ACTIVE", "IN_TRIAL", "PAYMENT_PENDING", "CANCELED", "EXPIRED", "NOT_STARTED"] as const;

export type BillingPeriod = (typeof BILLING_PERIODS)[number];
export type PricingType = (typeof PRICING_TYPES)[number];
export type PricingModel = (typeof PRICING_MODELS)[number];
export type FeatureType = (typeof FEATURE_TYPES)[number];
export type BillingCadence = (typeof BILLING_CADENCES)[number];
export type TiersMode = (typeof TIERS_MODES)[number];
export type TrialUnits = (typeof TRIAL_UNITS)[number];
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface PriceFeature {
  featureId: string;
  units?: string;
  unitsPlural?: string;
}

/** One tier of a tiered price, in the price's currency, major units. `upTo` absent: and above. */
export interface PriceTier {
  /** The last unit this tier covers; tiers are listed in ascending `upTo`. */
  upTo?: number;
  /** Per unit in this tier. */
  unitPrice?: number;
  /** Once for the tier, however many of its units are bought. */
  flatPrice?: number;
}

/**
 * One charge of a plan or add-on. Several prices of one billing period add up (a flat fee plus a
 * per-seat price is "$20 + $8 per seat"), as Stigg charges them.
 */
export interface Price {
  billingPeriod: BillingPeriod;
  pricingModel: PricingModel;
  /** In major units of `currency` (10 means $10.00). */
  amount: number;
  /** ISO 4217 code, e.g. "USD". */
  currency: string;
  /** For PER_UNIT and USAGE_BASED prices: what one unit is. */
  feature?: PriceFeature;
  minUnitQuantity?: number;
  maxUnitQuantity?: number;
  /** Default "RECURRING". "ONE_OFF": charged once, at purchase (an onboarding fee); not per period. */
  billingCadence?: BillingCadence;
  /** PER_UNIT only: `amount` is per block of this many units ($40 per 5 seats); quantity rounds up to whole blocks. */
  blockSize?: number;
  /** PER_UNIT priced by tiers. `amount` is then the first tier's unit price (what "From $X" shows). */
  tiers?: PriceTier[];
  /** Required with `tiers`. VOLUME: the tier the quantity falls in prices every unit; GRADUATED: each tier prices its own units. */
  tiersMode?: TiersMode;
}

export interface Entitlement {
  featureId: string;
  displayName: string;
  featureType: FeatureType;
  usageLimit?: number | null;
  isUnlimited?: boolean;
  units?: string;
  unitsPlural?: string;
  /** ENUM features: the values this plan grants, e.g. ["EU", "US"]. */
  enumValues?: string[];
  /** false: the plan lists the feature as NOT included (a "not included" line). Default true. */
  isGranted?: boolean;
}

export interface Addon {
  id: string;
  displayName: string;
  pricePoints: Price[];
  maxQuantity?: number;
  /** What one unit of the add-on grants; NUMBER limits add up per unit on top of the plan's. */
  entitlements?: Entitlement[];
}

export interface TrialConfig {
  duration: number;
  units: TrialUnits;
}

export interface Plan {
  id: string;
  displayName: string;
  description?: string;
  /** Position in the paywall, ascending; also the upgrade/downgrade order. */
  order: number;
  pricingType: PricingType;
  pricePoints: Price[];
  entitlements: Entitlement[];
  /** The plan this one builds on ("Everything in Basic, plus:"). */
  basePlanId?: string;
  defaultTrialConfig?: TrialConfig;
  compatibleAddons?: Addon[];
  /** The product the plan belongs to; `GET /plans?productId=` filters on it. */
  productId?: string;
  metadata?: Record<string, string>;
}

export interface SubscriptionAddon {
  addonId: string;
  quantity: number;
}

export interface Subscription {
  id: string;
  planId: string;
  status: SubscriptionStatus;
  billingPeriod?: BillingPeriod;
  unitQuantity?: number;
  addons?: SubscriptionAddon[];
  /** ISO 8601 date-time. */
  startDate: string;
  trialEndDate?: string;
  currentBillingPeriodEnd?: string;
}

/** What the customer may use now, as computed by the backend from its plans and add-ons. */
export interface CustomerEntitlement {
  featureId: string;
  displayName?: string;
  featureType: FeatureType;
  hasAccess: boolean;
  isUnlimited?: boolean;
  /** For NUMBER features; null or absent with `isUnlimited`. */
  usageLimit?: number | null;
  currentUsage?: number;
  /** For ENUM features: the values granted, e.g. ["EU", "US"]. */
  enumValues?: string[];
}

export interface Customer {
  id: string;
  subscriptions: Subscription[];
  hasPaymentMethod?: boolean;
  trialedPlanIds?: string[];
  entitlements?: CustomerEntitlement[];
}

export interface BillingInformation {
  taxRateIds?: string[];
  taxPercentage?: number;
}

export interface CheckoutOptions {
  successUrl: string;
  cancelUrl: string;
  allowPromoCodes?: boolean;
  collectBillingAddress?: boolean;
}

export interface ProvisionSubscriptionParams {
  customerId: string;
  planId: string;
  addons?: SubscriptionAddon[];
  /** ISO 8601 date-time. */
  startDate?: string;
  /** A subscription id chosen by the caller. */
  id?: string;
  billingPeriod?: BillingPeriod;
  unitQuantity?: number;
  billingInformation?: BillingInformation;
  checkoutOptions?: CheckoutOptions;
  metadata?: Record<string, string>;
}

export interface ProvisionSuccess {
  status: "SUCCESS";
  subscription: Subscription;
}

export interface ProvisionPaymentRequired {
  status: "PAYMENT_REQUIRED";
  /** Hosted checkout page; the library redirects here (and falls back to it when embedded checkout cannot load). */
  checkoutUrl: string;
  checkoutBillingId?: string;
  /** Client secret of an embedded Stripe Checkout Session, for apps using `embeddedCheckout()`. */
  checkoutClientSecret?: string;
}

export type ProvisionSubscriptionResult = ProvisionSuccess | ProvisionPaymentRequired;

/** `GET {endpoint}/plans` */
export interface PlansResponse {
  plans: Plan[];
}

/** `GET {endpoint}/customer` */
export interface CustomerResponse {
  customer: Customer;
}

/** Body of every non-2xx answer. */
export interface ErrorBody {
  error: { code: string; message: string };
}

/** Paths of the contract, relative to the endpoint. */
export const ROUTES = {
  plans: "/plans",
  customer: "/customer",
  provisionSubscription: "/provision-subscription",
} as const;

export const IDEMPOTENCY_KEY_HEADER = "Idempotency-Key";
