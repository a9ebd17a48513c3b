/**
 * Stigg's models, as any SDK version returns them, turned into the endpoint contract. Stigg's
 * vocabulary is the contract's (plans, pricePoints, billingPeriod, PAYMENT_REQUIRED), so this is
 * mostly renaming and normalizing: ids that may be `refId`, dates that are Date objects, nulls.
 *
 * Where the contract cannot say what Stigg says, the mapping is explicit about it: prices it has no
 * model for (tiered, credit-based, minimum spend) and entitlements hidden from paywalls are left
 * out, and a subscription status or provision answer it does not know is an error (a 500 for the
 * app's `onError`) rather than a guess that could sell a customer something twice.
 */
import type {
  Addon,
  BillingPeriod,
  Customer,
  CustomerEntitlement,
  Entitlement,
  FeatureType,
  Plan,
  Price,
  PricingModel,
  PricingType,
  ProvisionSubscriptionResult,
  Subscription,
  SubscriptionStatus,
} from "../core/contract.js";
import type {
  StiggAddon,
  StiggCustomer,
  StiggCustomerEntitlement,
  StiggEntitlement,
  StiggPaywall,
  StiggPlan,
  StiggPrice,
  StiggProvisionResult,
  StiggRef,
  StiggSubscription,
} from "./stiggClient.js";

const BILLING_PERIODS: readonly BillingPeriod[] = ["MONTHLY", "ANNUALLY"];
const PRICING_MODELS: readonly PricingModel[] = ["FLAT_FEE", "PER_UNIT", "USAGE_BASED"];
const PRICING_TYPES: readonly PricingType[] = ["FREE", "PAID", "CUSTOM"];
const SUBSCRIPTION_STATUSES: readonly SubscriptionStatus[] = [
  "ACTIVE",
  "IN_TRIAL",
  "PAYMENT_PENDING",
  "CANCELED",
  "EXPIRED",
  "NOT_STARTED",
];

export function plansFromPaywall(paywall: StiggPaywall): Plan[] {
  const plans = "plans" in paywall ? paywall.plans : paywall;
  return plans.map(toPlan);
}

/** `index` orders plans that carry no `order` (GraphQL paywall plans come already sorted). */
export function toPlan(plan: StiggPlan, index: number): Plan {
  const id = requireRef(plan, "plan");
  const pricePoints = toPrices(plan.pricePoints ?? plan.prices);
  const result: Plan = {
    id,
    displayName: plan.displayName ?? id,
    order: plan.order ?? index,
    pricingType: oneOf(upper(plan.pricingType), PRICING_TYPES) ?? (pricePoints.length > 0 ? "PAID" : "FREE"),
    pricePoints,
    entitlements: (plan.entitlements ?? []).flatMap(toEntitlement),
  };
  if (plan.description) result.description = plan.description;
  const basePlanId = refOf(plan.basePlan);
  if (basePlanId) result.basePlanId = basePlanId;
  const trial = plan.defaultTrialConfig;
  const trialUnits = oneOf(upper(trial?.units), ["DAY", "MONTH"] as const);
  if (trial && typeof trial.duration === "number" && trialUnits) {
    result.defaultTrialConfig = { duration: trial.duration, units: trialUnits };
  }
  if (plan.compatibleAddons && plan.compatibleAddons.length > 0) {
    result.compatibleAddons = plan.compatibleAddons.map(toAddon);
  }
  const productId = refOf(plan.product);
  if (productId) result.productId = productId;
  const metadata = stringEntries(plan.metadata);
  if (metadata) result.metadata = metadata;
  return result;
}

function toAddon(addon: StiggAddon): Addon {
  const id = requireRef(addon, "add-on");
  const result: Addon = {
    id,
    displayName: addon.displayName ?? id,
    pricePoints: toPrices(addon.pricePoints ?? addon.prices),
  };
  if (typeof addon.maxQuantity === "number") result.maxQuantity = addon.maxQuantity;
  const entitlements = (addon.entitlements ?? []).flatMap(toEntitlement);
  if (entitlements.length > 0) result.entitlements = entitlements;
  return result;
}

function toPrices(prices: readonly StiggPrice[] | null | undefined): Price[] {
  return (prices ?? []).flatMap(toPrice);
}

/** An empty array for a price the contract cannot express, so `flatMap` drops it. */
function toPrice(price: StiggPrice): Price[] {
  const billingPeriod = oneOf(upper(price.billingPeriod), BILLING_PERIODS);
  const pricingModel = oneOf(upper(price.pricingModel ?? price.billingModel), PRICING_MODELS);
  const amount = price.amount ?? price.price?.amount;
  const currency = price.currency ?? price.price?.currency;
  if (!billingPeriod || !pricingModel || typeof amount !== "number" || typeof currency !== "string") return [];
  const result: Price = { billingPeriod, pricingModel, amount, currency: currency.toUpperCase() };
  const featureId = price.feature ? (price.feature.featureId ?? refOf(price.feature)) : undefined;
  if (price.feature && featureId) {
    result.feature = { featureId };
    if (price.feature.units) result.feature.units = price.feature.units;
    if (price.feature.unitsPlural) result.feature.unitsPlural = price.feature.unitsPlural;
  }
  if (typeof price.minUnitQuantity === "number") result.minUnitQuantity = price.minUnitQuantity;
  if (typeof price.maxUnitQuantity === "number") result.maxUnitQuantity = price.maxUnitQuantity;
  return [result];
}

function toEntitlement(entitlement: StiggEntitlement): Entitlement[] {
  if (entitlement.hiddenFromWidgets?.some((widget) => upper(widget) === "PAYWALL")) return [];
  const featureId = entitlement.featureId ?? refOf(entitlement.feature);
  if (!featureId) return [];
  const feature = entitlement.feature;
  const result: Entitlement = {
    featureId,
    displayName: entitlement.displayNameOverride ?? feature?.displayName ?? featureId,
    // The SDK's enum says BOOLEAN/NUMBER; some payloads spell it Boolean/Numeric.
    featureType: upper(feature?.featureType).startsWith("BOOL") ? "BOOLEAN" : "NUMBER",
    usageLimit: entitlement.usageLimit ?? null,
  };
  if (typeof entitlement.hasUnlimitedUsage === "boolean") result.isUnlimited = entitlement.hasUnlimitedUsage;
  if (feature?.units) result.units = feature.units;
  if (feature?.unitsPlural) result.unitsPlural = feature.unitsPlural;
  return [result];
}

/** `fallbackPlanId`: slim subscriptions (a provision answer) may not name their plan. */
export function toSubscription(subscription: StiggSubscription, fallbackPlanId?: string): Subscription {
  const status = oneOf(upper(subscription.status), SUBSCRIPTION_STATUSES);
  if (!status) throw new TypeError(`Stigg subscription ${subscription.id} has an unknown status "${subscription.status}"`);
  const planId = subscription.planId ?? refOf(subscription.plan) ?? fallbackPlanId;
  if (!planId) throw new TypeError(`Stigg subscription ${subscription.id} names no plan`);
  const startDate = toIsoDate(subscription.startDate);
  if (!startDate) throw new TypeError(`Stigg subscription ${subscription.id} has no start date`);

  const result: Subscription = { id: subscription.id, planId, status, startDate };
  const billingPeriod = oneOf(upper(subscription.billingPeriod ?? subscription.price?.billingPeriod), BILLING_PERIODS);
  if (billingPeriod) result.billingPeriod = billingPeriod;
  const unitQuantity =
    subscription.unitQuantity ?? subscription.prices?.find((price) => typeof price.unitQuantity === "number")?.unitQuantity;
  if (typeof unitQuantity === "number") result.unitQuantity = unitQuantity;
  if (subscription.addons) {
    result.addons = subscription.addons.flatMap((item) => {
      const addonId = item.addonId ?? refOf(item.addon);
      return addonId ? [{ addonId, quantity: item.quantity ?? 1 }] : [];
    });
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
  if (customer.trialedPlans) {
    result.trialedPlanIds = customer.trialedPlans.flatMap((plan) => {
      const planId = plan.planId ?? plan.planRefId;
      return planId ? [planId] : [];
    });
  }
  if (entitlements) result.entitlements = entitlements.flatMap(toCustomerEntitlement);
  return result;
}

/**
 * An empty array for an entitlement the contract cannot express (ENUM features, credits) or that
 * names no feature or no access: `flatMap` drops it, and the client treats a feature it has no
 * entitlement for as locked, so a skipped entry can never grant access.
 */
function toCustomerEntitlement(entitlement: StiggCustomerEntitlement): CustomerEntitlement[] {
  const featureId = refOf(entitlement.feature);
  const featureType = customerFeatureType(entitlement.type) ?? customerFeatureType(entitlement.feature?.featureType);
  const hasAccess = entitlement.hasAccess ?? entitlement.isGranted;
  if (!featureId || !featureType || typeof hasAccess !== "boolean") return [];
  const result: CustomerEntitlement = { featureId, featureType, hasAccess };
  const displayName = entitlement.displayNameOverride ?? entitlement.feature?.displayName;
  if (displayName) result.displayName = displayName;
  if (featureType === "NUMBER") {
    result.isUnlimited = (entitlement.isUnlimited ?? entitlement.hasUnlimitedUsage) === true;
    // NUMERIC (configuration) features carry their number as `value`. null means no limit.
    result.usageLimit = result.isUnlimited ? null : (entitlement.usageLimit ?? entitlement.value ?? null);
    if (typeof entitlement.currentUsage === "number") result.currentUsage = entitlement.currentUsage;
  }
  return [result];
}

/** The SDK's entitlement `type` (METERED and NUMERIC are both NUMBER here) or a feature's `featureType`. */
function customerFeatureType(type: string | null | undefined): FeatureType | undefined {
  switch (upper(type)) {
    case "BOOLEAN":
      return "BOOLEAN";
    case "NUMBER":
    case "NUMERIC":
    case "METERED":
      return "NUMBER";
    default:
      return undefined;
  }
}

/** Both result shapes: the node SDK's `provisionStatus` and the REST/newer `status`. */
export function toProvisionResult(result: StiggProvisionResult, requestedPlanId: string): ProvisionSubscriptionResult {
  const status = upper(result.provisionStatus ?? result.status);
  if (status === "PAYMENT_REQUIRED") {
    if (!result.checkoutUrl) throw new TypeError("Stigg answered PAYMENT_REQUIRED without a checkoutUrl");
    const answer: ProvisionSubscriptionResult = { status: "PAYMENT_REQUIRED", checkoutUrl: result.checkoutUrl };
    if (result.checkoutBillingId) answer.checkoutBillingId = result.checkoutBillingId;
    return answer;
  }
  if (status === "SUCCESS") {
    if (!result.subscription) throw new TypeError("Stigg answered SUCCESS without a subscription");
    return { status: "SUCCESS", subscription: toSubscription(result.subscription, requestedPlanId) };
  }
  throw new TypeError(`Stigg answered an unknown provision status "${String(result.provisionStatus ?? result.status)}"`);
}

function refOf(ref: StiggRef | null | undefined): string | undefined {
  return ref?.id ?? ref?.refId ?? undefined;
}

function requireRef(ref: StiggRef, what: string): string {
  const id = refOf(ref);
  if (!id) throw new TypeError(`Stigg returned a ${what} without an id`);
  return id;
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

/** Contract metadata is string to string; Stigg's may hold other JSON, which is left out. */
function stringEntries(metadata: Record<string, unknown> | null | undefined): Record<string, string> | undefined {
  if (!metadata) return undefined;
  const entries = Object.entries(metadata).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}
