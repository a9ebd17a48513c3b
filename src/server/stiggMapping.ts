/**
 * Stigg's SDK models turned into the endpoint contract. Stigg's vocabulary is the contract's (plans,
 * pricePoints, billingPeriod, PAYMENT_REQUIRED), so this is mostly renaming and normalizing: Date
 * objects to ISO strings, nulls to absent fields, enum strings checked against the contract's.
 *
 * Where the contract cannot say what Stigg says, the mapping is explicit about it: prices it has no
 * model for (credit-based, minimum spend) and entitlements hidden from paywalls are left out, and a
 * subscription status or provision answer it does not know is an error (a 500 for the app's
 * `onError`) rather than a guess that could sell a customer something twice.
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
  type Customer,
  type CustomerEntitlement,
  type Entitlement,
  type Plan,
  type Price,
  type PriceTier,
  type ProvisionSubscriptionResult,
  type Subscription,
} from "../core/contract.js";
import type {
  StiggAddon,
  StiggCustomer,
  StiggCustomerEntitlement,
  StiggPackageEntitlement,
  StiggPaywall,
  StiggPlan,
  StiggPrice,
  StiggPriceTier,
  StiggProvisionResult,
  StiggSubscription,
} from "./stiggClient.js";

export function plansFromPaywall(paywall: StiggPaywall): Plan[] {
  return paywall.plans.map(toPlan);
}

/** `index` orders plans that carry no `order` (paywall plans come already sorted). */
export function toPlan(plan: StiggPlan, index: number): Plan {
  const pricePoints = toPrices(plan.pricePoints);
  const result: Plan = {
    id: plan.id,
    displayName: plan.displayName || plan.id,
    order: plan.order ?? index,
    pricingType: oneOf(upper(plan.pricingType), PRICING_TYPES) ?? (pricePoints.length > 0 ? "PAID" : "FREE"),
    pricePoints,
    entitlements: (plan.entitlements ?? []).flatMap(toEntitlement),
  };
  if (plan.description) result.description = plan.description;
  if (plan.basePlan) result.basePlanId = plan.basePlan.id;
  const trial = plan.defaultTrialConfig;
  const trialUnits = oneOf(upper(trial?.units), TRIAL_UNITS);
  if (trial && trial.duration > 0 && trialUnits) {
    result.defaultTrialConfig = { duration: trial.duration, units: trialUnits };
  }
  if (plan.compatibleAddons && plan.compatibleAddons.length > 0) {
    result.compatibleAddons = plan.compatibleAddons.map(toAddon);
  }
  if (plan.product) result.productId = plan.product.id;
  if (plan.metadata && Object.keys(plan.metadata).length > 0) result.metadata = { ...plan.metadata };
  return result;
}

function toAddon(addon: StiggAddon): Addon {
  const result: Addon = {
    id: addon.id,
    displayName: addon.displayName || addon.id,
    pricePoints: toPrices(addon.pricePoints),
  };
  if (typeof addon.maxQuantity === "number") result.maxQuantity = addon.maxQuantity;
  const entitlements = (addon.entitlements ?? []).flatMap(toEntitlement);
  if (entitlements.length > 0) result.entitlements = entitlements;
  return result;
}

function toPrices(prices: readonly StiggPrice[] | null | undefined): Price[] {
  return (prices ?? []).flatMap(toPrice);
}

/**
 * An empty array for a price the contract cannot express (credit-based, minimum spend, an unknown
 * period), so `flatMap` drops it. A plan keeps all its prices: Stigg charges every price of the
 * chosen period (a flat fee plus a per-seat price), and the paywall adds them up the same way.
 */
function toPrice(price: StiggPrice): Price[] {
  const billingPeriod = oneOf(upper(price.billingPeriod), BILLING_PERIODS);
  const pricingModel = oneOf(upper(price.pricingModel), PRICING_MODELS);
  const tiers = (price.tiers ?? []).map(toTier);
  const tiersMode = oneOf(upper(price.tiersMode), TIERS_MODES);
  // A tiered price has no amount of its own; the contract's `amount` is then its first tier's.
  const amount = price.amount ?? tiers[0]?.unitPrice ?? tiers[0]?.flatPrice;
  if (!billingPeriod || !pricingModel || typeof amount !== "number" || !price.currency) return [];
  if (tiers.length > 0 && !tiersMode) return [];
  const result: Price = { billingPeriod, pricingModel, amount, currency: price.currency.toUpperCase() };
  const cadence = oneOf(upper(price.billingCadence), BILLING_CADENCES);
  if (cadence === "ONE_OFF") result.billingCadence = cadence;
  if (price.feature) {
    result.feature = { featureId: price.feature.featureId };
    if (price.feature.units) result.feature.units = price.feature.units;
    if (price.feature.unitsPlural) result.feature.unitsPlural = price.feature.unitsPlural;
  }
  if (typeof price.blockSize === "number" && price.blockSize > 1) result.blockSize = price.blockSize;
  if (tiers.length > 0 && tiersMode) {
    result.tiers = tiers;
    result.tiersMode = tiersMode;
  }
  if (typeof price.minUnitQuantity === "number") result.minUnitQuantity = price.minUnitQuantity;
  if (typeof price.maxUnitQuantity === "number") result.maxUnitQuantity = price.maxUnitQuantity;
  return [result];
}

function toTier(tier: StiggPriceTier): PriceTier {
  const result: PriceTier = {};
  if (typeof tier.upTo === "number") result.upTo = tier.upTo;
  if (tier.unitPrice) result.unitPrice = tier.unitPrice.amount;
  if (tier.flatPrice) result.flatPrice = tier.flatPrice.amount;
  return result;
}

function toEntitlement(entitlement: StiggPackageEntitlement): Entitlement[] {
  if (entitlement.hiddenFromWidgets?.some((widget) => upper(widget) === "PAYWALL")) return [];
  const feature = entitlement.feature;
  const featureType = oneOf(upper(feature.featureType), FEATURE_TYPES) ?? "BOOLEAN";
  const result: Entitlement = {
    featureId: feature.id,
    displayName: entitlement.displayNameOverride || feature.displayName || feature.id,
    featureType,
  };
  if (entitlement.isGranted === false) result.isGranted = false;
  if (featureType === "NUMBER") {
    const isUnlimited = entitlement.hasUnlimitedUsage === true;
    result.isUnlimited = isUnlimited;
    // The SDK turns a missing limit into 0: a plan line "0 seats" is never what Stigg's user meant,
    // so 0 shows the feature without a number (mark the entitlement not granted to show "not included").
    const limit = entitlement.usageLimit;
    result.usageLimit = isUnlimited || !limit ? null : limit;
  }
  if (featureType === "ENUM" && entitlement.enumValues && entitlement.enumValues.length > 0) {
    result.enumValues = [...entitlement.enumValues];
  }
  if (feature.units) result.units = feature.units;
  if (feature.unitsPlural) result.unitsPlural = feature.unitsPlural;
  return [result];
}

/**
 * `fallbackPlanId`: a provision answer's slim subscription names its plan as `planId`.
 * `startDate` is required: the caller reads the full subscription when the slim one has none.
 */
export function toSubscription(subscription: StiggSubscription, fallbackPlanId?: string): Subscription {
  const status = oneOf(upper(subscription.status), SUBSCRIPTION_STATUSES);
  if (!status) throw new TypeError(`Stigg subscription ${subscription.id} has an unknown status "${subscription.status}"`);
  const planId = subscription.plan?.id ?? subscription.planId ?? fallbackPlanId;
  if (!planId) throw new TypeError(`Stigg subscription ${subscription.id} names no plan`);
  const startDate = toIsoDate(subscription.startDate);
  if (!startDate) throw new TypeError(`Stigg subscription ${subscription.id} has no start date`);

  const result: Subscription = { id: subscription.id, planId, status, startDate };
  const prices = subscription.prices ?? [];
  const recurring = prices.find((price) => upper(price.billingCadence) !== "ONE_OFF") ?? prices[0];
  const billingPeriod = oneOf(upper(recurring?.billingPeriod), BILLING_PERIODS);
  if (billingPeriod) result.billingPeriod = billingPeriod;
  // The quantity bought of a per-unit price sits on that price's feature.
  const unitQuantity = prices.find((price) => typeof price.feature?.unitQuantity === "number")?.feature?.unitQuantity;
  if (typeof unitQuantity === "number") result.unitQuantity = unitQuantity;
  if (subscription.addons) {
    result.addons = subscription.addons.map((item) => ({
      addonId: "addonId" in item ? item.addonId : item.addon.id,
      quantity: item.quantity ?? 1,
    }));
  }
  const trialEndDate = toIsoDate(subscription.trialEndDate);
  if (trialEndDate) result.trialEndDate = trialEndDate;
  const periodEnd = toIsoDate(subscription.currentBillingPeriodEnd);
  if (periodEnd) result.currentBillingPeriodEnd = periodEnd;
  return result;
}

/** `entitlements`: `getEntitlements`' answer; `undefined` leaves `Customer.entitlements` absent. */
export function toCustomer(
  customerId: string,
  customer: StiggCustomer,
  subscriptions: readonly StiggSubscription[],
  entitlements?: readonly StiggCustomerEntitlement[],
): Customer {
  const result: Customer = { id: customerId, subscriptions: subscriptions.map((item) => toSubscription(item)) };
  if (typeof customer.hasPaymentMethod === "boolean") result.hasPaymentMethod = customer.hasPaymentMethod;
  // The paywall offers a trial only for plans not listed here.
  if (customer.alreadyTrialPlans) result.trialedPlanIds = customer.alreadyTrialPlans.map((plan) => plan.planId);
  if (entitlements) result.entitlements = entitlements.flatMap(toCustomerEntitlement);
  return result;
}

/**
 * An empty array for an entitlement that names no feature or whose kind is unknown (credits):
 * `flatMap` drops it, and the client treats a feature it has no entitlement for as locked, so a
 * skipped entry can never grant access.
 */
function toCustomerEntitlement(entitlement: StiggCustomerEntitlement): CustomerEntitlement[] {
  const featureId = entitlement.feature?.id;
  if (!featureId) return [];
  switch (upper(entitlement.type)) {
    case "BOOLEAN":
      return [{ featureId, featureType: "BOOLEAN", hasAccess: entitlement.hasAccess }];
    case "ENUM": {
      const result: CustomerEntitlement = { featureId, featureType: "ENUM", hasAccess: entitlement.hasAccess };
      if (entitlement.enumValues) result.enumValues = [...entitlement.enumValues];
      return [result];
    }
    case "NUMERIC":
    case "METERED": {
      const isUnlimited = entitlement.isUnlimited === true;
      const result: CustomerEntitlement = { featureId, featureType: "NUMBER", hasAccess: entitlement.hasAccess, isUnlimited };
      // NUMERIC (configuration) features carry their number as `value`. null means no limit.
      result.usageLimit = isUnlimited ? null : (entitlement.usageLimit ?? entitlement.value ?? null);
      if (typeof entitlement.currentUsage === "number") result.currentUsage = entitlement.currentUsage;
      return [result];
    }
    default:
      return [];
  }
}

/**
 * `subscription`: the full subscription read after a SUCCESS, since the answer's own is slim
 * (no start date, no period end); the caller passes the slim one when it could not be read.
 */
export function toProvisionResult(
  result: StiggProvisionResult,
  requestedPlanId: string,
  subscription: StiggSubscription | null | undefined,
): ProvisionSubscriptionResult {
  const status = upper(result.provisionStatus);
  if (status === "PAYMENT_REQUIRED") {
    if (!result.checkoutUrl) throw new TypeError("Stigg answered PAYMENT_REQUIRED without a checkoutUrl");
    return { status: "PAYMENT_REQUIRED", checkoutUrl: result.checkoutUrl };
  }
  if (status === "SUCCESS") {
    if (!subscription) throw new TypeError("Stigg answered SUCCESS without a subscription");
    return { status: "SUCCESS", subscription: toSubscription(subscription, requestedPlanId) };
  }
  throw new TypeError(`Stigg answered an unknown provision status "${String(result.provisionStatus)}"`);
}

function upper(value: string | null | undefined): string {
  return (value ?? "").toUpperCase();
}

function oneOf<const T extends string>(value: string, options: readonly T[]): T | undefined {
  return options.find((option) => option === value);
}

function toIsoDate(value: Date | string | null | undefined): string | undefined {
  if (value === null || value === undefined || value === "") return undefined;
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return undefined;
  return date.toISOString();
}
