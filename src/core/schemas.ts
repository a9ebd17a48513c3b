/**
 * Runtime schemas for the endpoint contract. The client validates every response with them, the
 * server validates request bodies with them. Built on the in-house schemaKit (see there for why).
 *
 * Extra fields are allowed and dropped (so newer backends do not break older clients). Optional
 * fields also accept `null`, which many backends (Stigg's SDK among them) send for "absent", and
 * turn it into `undefined` so the parsed data matches the TypeScript types exactly.
 */
import {
  BILLING_CADENCES,
  BILLING_PERIODS,
  FEATURE_TYPES,
  PRICING_MODELS,
  PRICING_TYPES,
  SUBSCRIPTION_STATUSES,
  TIERS_MODES,
  TRIAL_UNITS,
  type Addon,
  type BillingInformation,
  type CheckoutOptions,
  type Customer,
  type CustomerEntitlement,
  type CustomerResponse,
  type Entitlement,
  type ErrorBody,
  type Plan,
  type PlansResponse,
  type Price,
  type PriceTier,
  type ProvisionSubscriptionParams,
  type ProvisionSubscriptionResult,
  type Subscription,
  type SubscriptionAddon,
} from "./contract.js";
import * as v from "./schemaKit.js";

export { parseWith, type ParseResult, type SchemaIssue } from "./schemaKit.js";

/** "2026-11-25T10:00:00Z" or with an offset; what `Date` can read and Stigg accepts. */
function isIsoDateTime(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && !Number.isNaN(Date.parse(value));
}

export const nonEmptyString = v.refine(v.string, (value) => value.length > 0, "a non-empty string");
const count = v.refine(v.number, (value) => Number.isInteger(value) && value >= 0, "a whole number ≥ 0");
const billingPeriod = v.picklist(BILLING_PERIODS);
const stringRecord = v.record(v.string);
const featureType = v.picklist(FEATURE_TYPES);
const nonNegative = v.refine(v.number, (value) => value >= 0, "an amount ≥ 0");

const priceTier = v.object({
  upTo: v.optional(v.refine(v.number, (value) => value > 0, "a quantity > 0")),
  unitPrice: v.optional(nonNegative),
  flatPrice: v.optional(nonNegative),
});

// A refinement of the whole object: tiers without their mode cannot be priced.
const price = v.refine(v.object({
  billingPeriod,
  pricingModel: v.picklist(PRICING_MODELS),
  amount: nonNegative,
  currency: v.refine(v.string, (value) => /^[A-Za-z]{3}$/.test(value), "a 3-letter currency code"),
  feature: v.optional(
    v.object({
      featureId: nonEmptyString,
      units: v.optional(v.string),
      unitsPlural: v.optional(v.string),
    }),
  ),
  minUnitQuantity: v.optional(count),
  maxUnitQuantity: v.optional(count),
  billingCadence: v.optional(v.picklist(BILLING_CADENCES)),
  blockSize: v.optional(v.refine(count, (value) => value >= 1, "a block size ≥ 1")),
  tiers: v.optional(v.array(priceTier)),
  tiersMode: v.optional(v.picklist(TIERS_MODES)),
}), (value) => value.tiers === undefined || value.tiersMode !== undefined, "tiersMode with tiers");

const entitlement = v.object({
  featureId: nonEmptyString,
  displayName: v.string,
  featureType,
  usageLimit: v.nullish(v.number),
  isUnlimited: v.optional(v.boolean),
  units: v.optional(v.string),
  unitsPlural: v.optional(v.string),
  enumValues: v.optional(v.array(v.string)),
  isGranted: v.optional(v.boolean),
});

const addon = v.object({
  id: nonEmptyString,
  displayName: v.string,
  pricePoints: v.array(price),
  maxQuantity: v.optional(count),
  entitlements: v.optional(v.array(entitlement)),
});

const plan = v.object({
  id: nonEmptyString,
  displayName: v.string,
  description: v.optional(v.string),
  order: v.number,
  pricingType: v.picklist(PRICING_TYPES),
  pricePoints: v.array(price),
  entitlements: v.array(entitlement),
  basePlanId: v.optional(v.string),
  defaultTrialConfig: v.optional(
    v.object({ duration: v.refine(v.number, (value) => value >= 0, "a duration ≥ 0"), units: v.picklist(TRIAL_UNITS) }),
  ),
  compatibleAddons: v.optional(v.array(addon)),
  productId: v.optional(v.string),
  metadata: v.optional(stringRecord),
});

const subscriptionAddon = v.object({ addonId: nonEmptyString, quantity: count });

export const subscription = v.object({
  id: nonEmptyString,
  planId: nonEmptyString,
  status: v.picklist(SUBSCRIPTION_STATUSES),
  billingPeriod: v.optional(billingPeriod),
  unitQuantity: v.optional(count),
  addons: v.optional(v.array(subscriptionAddon)),
  startDate: v.string,
  trialEndDate: v.optional(v.string),
  currentBillingPeriodEnd: v.optional(v.string),
});

const customerEntitlement = v.object({
  featureId: nonEmptyString,
  displayName: v.optional(v.string),
  featureType: featureType,
  hasAccess: v.boolean,
  isUnlimited: v.optional(v.boolean),
  usageLimit: v.nullish(v.number),
  currentUsage: v.optional(v.number),
  enumValues: v.optional(v.array(v.string)),
});

const customer = v.object({
  id: nonEmptyString,
  subscriptions: v.array(subscription),
  hasPaymentMethod: v.optional(v.boolean),
  trialedPlanIds: v.optional(v.array(v.string)),
  entitlements: v.optional(v.array(customerEntitlement)),
});

export const plansResponseSchema = v.object({ plans: v.array(plan) });
export const customerResponseSchema = v.object({ customer });
export const errorBodySchema = v.object({
  error: v.object({ code: v.string, message: v.string }),
});

const billingInformation = v.object({
  taxRateIds: v.optional(v.array(v.string)),
  taxPercentage: v.optional(v.refine(v.number, (value) => value >= 0 && value <= 100, "a percentage from 0 to 100")),
});

const checkoutOptions = v.object({
  successUrl: nonEmptyString,
  cancelUrl: nonEmptyString,
  allowPromoCodes: v.optional(v.boolean),
  collectBillingAddress: v.optional(v.boolean),
});

export const provisionParamsSchema = v.object({
  customerId: nonEmptyString,
  planId: nonEmptyString,
  addons: v.optional(v.array(subscriptionAddon)),
  startDate: v.optional(v.refine(v.string, isIsoDateTime, "an ISO 8601 date-time")),
  id: v.optional(nonEmptyString),
  billingPeriod: v.optional(billingPeriod),
  unitQuantity: v.optional(v.refine(count, (value) => value >= 1, "a quantity ≥ 1")),
  billingInformation: v.optional(billingInformation),
  checkoutOptions: v.optional(checkoutOptions),
  metadata: v.optional(stringRecord),
});

/** The provision answer: SUCCESS with the subscription, or PAYMENT_REQUIRED with the checkout. */
export const provisionResultSchema = v.variant("status", {
  SUCCESS: v.object({ status: v.literal("SUCCESS"), subscription }),
  PAYMENT_REQUIRED: v.object({
    status: v.literal("PAYMENT_REQUIRED"),
    checkoutUrl: nonEmptyString,
    checkoutBillingId: v.optional(v.string),
    checkoutClientSecret: v.optional(v.string),
  }),
});

// Compile-time proof that each schema's output is exactly its contract type, both ways.
export type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Out<S> = v.Infer<S>;
true satisfies Same<Out<typeof priceTier>, PriceTier>;
true satisfies Same<Out<typeof price>, Price>;
true satisfies Same<Out<typeof entitlement>, Entitlement>;
true satisfies Same<Out<typeof addon>, Addon>;
true satisfies Same<Out<typeof plan>, Plan>;
true satisfies Same<Out<typeof subscription>, Subscription>;
true satisfies Same<Out<typeof customer>, Customer>;
true satisfies Same<Out<typeof customerEntitlement>, CustomerEntitlement>;
true satisfies Same<Out<typeof plansResponseSchema>, PlansResponse>;
true satisfies Same<Out<typeof customerResponseSchema>, CustomerResponse>;
true satisfies Same<Out<typeof errorBodySchema>, ErrorBody>;
true satisfies Same<Out<typeof billingInformation>, BillingInformation>;
true satisfies Same<Out<typeof checkoutOptions>, CheckoutOptions>;
true satisfies Same<Out<typeof subscriptionAddon>, SubscriptionAddon>;
true satisfies Same<Out<typeof provisionParamsSchema>, ProvisionSubscriptionParams>;
true satisfies Same<Out<typeof provisionResultSchema>, ProvisionSubscriptionResult>;
