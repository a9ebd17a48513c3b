/**
 * The fake Stigg API's data, in Stigg's GraphQL shape (the fragments of
 * `@stigg/api-client-js/src/generated/sdk`: PlanFragment, PriceFragment, PackageEntitlementFragment,
 * AddonFragment, CustomerFragment, SubscriptionFragment, EntitlementFragment), `__typename` included
 * on every object (the fake matches fragments on it). Every field those fragments select is present
 * (null where Stigg sends nothing): the fake records a field it had to fill with null in
 * `missingFields`, so a test sees a fixture falling behind the SDK's documents.
 * Each call of `stiggFixtures()` returns fresh copies, so tests cannot leak state into one another.
 *
 * The catalog (product "product-acme") holds what Stigg's pricing model has and a paywall must draw:
 * a flat fee plus a per-seat price in one period (Team), seats sold in blocks of 5 (Business), a
 * one-off add-on, a tiered-only plan (Scale), a plan with no prices (Enterprise), an ENUM feature, a
 * feature marked not included, one hidden from paywalls, and a NUMBER entitlement with no limit.
 *
 * Customers: `cus-free` (plan-free, no payment method, already trialed plan-team), `cus-new`
 * (plan-free, never trialed), `cus-team` (plan-team monthly, 3 seats, has a payment method).
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const PRODUCT_ID = "product-acme";

const product = (): JsonObject => ({
  __typename: "Product",
  refId: PRODUCT_ID,
  displayName: "Acme",
  description: null,
  additionalMetaData: null,
  productSettings: { __typename: "ProductSettings", downgradePlan: { __typename: "Plan", refId: "plan-free", displayName: "Free" } },
});

type FeatureType = "BOOLEAN" | "NUMBER" | "ENUM";

function feature(refId: string, displayName: string, featureType: FeatureType, fields: { units?: [string, string]; meterType?: string } = {}): JsonObject {
  return {
    __typename: "Feature",
    refId,
    displayName,
    featureType,
    // Stigg answers "None" for a NUMBER feature nobody reports usage of, null for the others.
    meterType: fields.meterType ?? (featureType === "NUMBER" ? "None" : null),
    featureUnits: fields.units?.[0] ?? null,
    featureUnitsPlural: fields.units?.[1] ?? null,
    description: null,
    additionalMetaData: null,
  };
}

const features = {
  // Usage reported to Stigg (the count goes up and down): METERED in the SDK's entitlements.
  projects: feature("feature-projects", "Projects", "NUMBER", { units: ["project", "projects"], meterType: "Fluctuating" }),
  seats: feature("feature-seats", "Seats", "NUMBER", { units: ["seat", "seats"] }),
  region: feature("feature-region", "Region", "ENUM"),
  sso: feature("feature-sso", "SSO", "BOOLEAN"),
  audit: feature("feature-audit-log", "Audit log", "BOOLEAN"),
};

function entitlement(of: JsonObject, fields: JsonObject = {}): JsonObject {
  return {
    __typename: "PackageEntitlement",
    featureId: of.refId as string,
    usageLimit: null,
    hasUnlimitedUsage: false,
    hasSoftLimit: false,
    resetPeriod: null,
    hiddenFromWidgets: [],
    isCustom: false,
    displayNameOverride: null,
    enumValues: null,
    isGranted: true,
    feature: of,
    ...fields,
  };
}

function money(amount: number): JsonObject {
  return { __typename: "Money", amount, currency: "USD" };
}

interface PriceFields {
  billingModel: "FLAT_FEE" | "PER_UNIT";
  billingPeriod: "MONTHLY" | "ANNUALLY";
  amount?: number;
  billingCadence?: "RECURRING" | "ONE_OFF";
  blockSize?: number;
  tiers?: { upTo: number | null; unitPrice: number }[];
  feature?: JsonObject;
}

function price(fields: PriceFields): JsonObject {
  return {
    __typename: "Price",
    billingModel: fields.billingModel,
    billingPeriod: fields.billingPeriod,
    billingCadence: fields.billingCadence ?? "RECURRING",
    billingId: null,
    minUnitQuantity: fields.feature ? 1 : null,
    maxUnitQuantity: null,
    billingCountryCode: null,
    tiersMode: fields.tiers ? "VOLUME" : null,
    blockSize: fields.blockSize ?? null,
    price: fields.amount === undefined ? null : money(fields.amount),
    creditRate: null,
    tiers: fields.tiers
      ? fields.tiers.map((tier) => ({ __typename: "PriceTier", upTo: tier.upTo, unitPrice: money(tier.unitPrice), flatPrice: null }))
      : null,
    feature: fields.feature
      ? {
          __typename: "Feature",
          refId: fields.feature.refId as string,
          featureUnits: fields.feature.featureUnits as string,
          featureUnitsPlural: fields.feature.featureUnitsPlural as string,
          displayName: fields.feature.displayName as string,
          description: null,
        }
      : null,
  };
}

function addon(refId: string, displayName: string, prices: JsonObject[], maxQuantity: number | null): JsonObject {
  return {
    __typename: "Addon",
    id: `uuid-${refId}`,
    refId,
    billingId: null,
    displayName,
    description: null,
    additionalMetaData: null,
    hiddenFromWidgets: [],
    entitlements: [],
    prices,
    overagePrices: [],
    pricingType: "PAID",
    maxQuantity,
    dependencies: [],
  };
}

function plan(fields: {
  refId: string;
  displayName: string;
  pricingType: "FREE" | "PAID" | "CUSTOM";
  prices?: JsonObject[];
  entitlements?: JsonObject[];
  basePlan?: string;
  trialDays?: number;
  compatibleAddons?: JsonObject[];
}): JsonObject {
  return {
    __typename: "Plan",
    id: `uuid-${fields.refId}`,
    refId: fields.refId,
    displayName: fields.displayName,
    description: null,
    billingId: null,
    versionNumber: 1,
    additionalMetaData: null,
    hiddenFromWidgets: [],
    product: product(),
    basePlan: fields.basePlan ? { __typename: "Plan", refId: fields.basePlan, displayName: "Free" } : null,
    entitlements: fields.entitlements ?? [],
    inheritedEntitlements: [],
    compatibleAddons: fields.compatibleAddons ?? [],
    compatiblePackageGroups: [],
    prices: fields.prices ?? [],
    overagePrices: [],
    pricingType: fields.pricingType,
    defaultTrialConfig: fields.trialDays
      ? { __typename: "DefaultTrialConfig", duration: fields.trialDays, units: "DAY", budget: null, trialEndBehavior: "CONVERT_TO_PAID" }
      : null,
  };
}

/** The catalog, in the paywall's order (plan-free first: order 0). Fresh objects on every call. */
function catalog(): JsonObject[] {
  const f = structuredClone(features);
  return [
    plan({
      refId: "plan-free",
      displayName: "Free",
      pricingType: "FREE",
      entitlements: [
        entitlement(f.projects, { usageLimit: 3 }),
        entitlement(f.region, { enumValues: ["EU"] }),
        // Stigg's API sends no limit here; the SDK's model turns it into 0.
        entitlement(f.seats, { usageLimit: null }),
        entitlement(f.sso, { isGranted: false }),
        entitlement(f.audit, { hiddenFromWidgets: ["PAYWALL"] }),
      ],
    }),
    plan({
      refId: "plan-team",
      displayName: "Team",
      pricingType: "PAID",
      basePlan: "plan-free",
      trialDays: 14,
      prices: [
        price({ billingModel: "FLAT_FEE", billingPeriod: "MONTHLY", amount: 20 }),
        price({ billingModel: "PER_UNIT", billingPeriod: "MONTHLY", amount: 8, feature: f.seats }),
        price({ billingModel: "FLAT_FEE", billingPeriod: "ANNUALLY", amount: 200 }),
        price({ billingModel: "PER_UNIT", billingPeriod: "ANNUALLY", amount: 80, feature: f.seats }),
      ],
      entitlements: [
        entitlement(f.projects, { hasUnlimitedUsage: true }),
        entitlement(f.region, { enumValues: ["EU", "US"] }),
        entitlement(f.sso),
      ],
      compatibleAddons: [
        addon("addon-onboarding", "Onboarding", [price({ billingModel: "FLAT_FEE", billingPeriod: "MONTHLY", amount: 100, billingCadence: "ONE_OFF" })], 1),
        addon("addon-storage", "Extra storage", [price({ billingModel: "FLAT_FEE", billingPeriod: "MONTHLY", amount: 5 })], 10),
      ],
    }),
    plan({
      refId: "plan-business",
      displayName: "Business",
      pricingType: "PAID",
      prices: [
        price({ billingModel: "PER_UNIT", billingPeriod: "MONTHLY", amount: 40, blockSize: 5, feature: f.seats }),
        price({ billingModel: "PER_UNIT", billingPeriod: "ANNUALLY", amount: 400, blockSize: 5, feature: f.seats }),
      ],
      entitlements: [entitlement(f.sso)],
    }),
    plan({
      refId: "plan-scale",
      displayName: "Scale",
      pricingType: "PAID",
      prices: [
        price({
          billingModel: "PER_UNIT",
          billingPeriod: "MONTHLY",
          feature: f.seats,
          tiers: [
            { upTo: 10, unitPrice: 10 },
            { upTo: null, unitPrice: 7 },
          ],
        }),
      ],
    }),
    plan({ refId: "plan-enterprise", displayName: "Enterprise", pricingType: "CUSTOM" }),
  ];
}

export interface SubscriptionFixture {
  subscriptionId: string;
  planRefId: string;
  startDate: string;
  customerRefId: string;
  /** Units bought on the per-unit price (seats); 1 when not given. */
  seats?: number;
  /** Which of the plan's prices the subscription pays; MONTHLY when not given. */
  billingPeriod?: "MONTHLY" | "ANNUALLY";
  addons?: { addonRefId: string; quantity: number }[];
  status?: "ACTIVE" | "IN_TRIAL";
}

export interface StiggFixtures {
  plans: JsonObject[];
  currency: JsonObject;
  customers: JsonObject[];
  /** Customer id → the entitlements Stigg computed (EntitlementFragment, `cachedEntitlements`). */
  entitlements: Record<string, JsonObject[]>;
  /** A subscription as SubscriptionFragment (and the slim fragments) select it. */
  subscription(fixture: SubscriptionFixture): JsonObject;
  /** The entitlements Stigg computes for a customer on `planRefId`; usage carried over from `previous`. */
  entitlementsFor(planRefId: string, previous?: JsonObject[]): JsonObject[];
}

/** What the subscription costs per period: the flat fees, the units (in blocks, or by volume tier), the recurring add-ons. */
function totalOf(prices: JsonObject[], units: number, addons: { addon: JsonObject; quantity: number }[]): number {
  let total = 0;
  for (const item of prices) {
    const amount = (item.price as JsonObject | null)?.amount as number | undefined;
    if (item.billingModel === "FLAT_FEE") total += amount ?? 0;
    else if (item.tiers) {
      const tiers = item.tiers as JsonObject[];
      const tier = tiers.find((candidate) => candidate.upTo === null || units <= (candidate.upTo as number)) ?? tiers[tiers.length - 1]!;
      total += units * ((tier.unitPrice as JsonObject).amount as number);
    } else total += Math.ceil(units / ((item.blockSize as number | null) ?? 1)) * (amount ?? 0);
  }
  for (const { addon: bought, quantity } of addons) {
    for (const item of bought.prices as JsonObject[]) {
      if (item.billingCadence === "RECURRING") total += quantity * (((item.price as JsonObject | null)?.amount as number | undefined) ?? 0);
    }
  }
  return total;
}

export function stiggFixtures(): StiggFixtures {
  const plans = catalog();
  const planOf = (refId: string): JsonObject => {
    const found = plans.find((item) => item.refId === refId);
    if (!found) throw new Error(`no plan ${refId} in the fixtures`);
    return found;
  };

  function subscription(fixture: SubscriptionFixture): JsonObject {
    const subscribed = planOf(fixture.planRefId);
    const billingPeriod = fixture.billingPeriod ?? "MONTHLY";
    const prices = (subscribed.prices as JsonObject[]).filter((item) => item.billingPeriod === billingPeriod);
    const units = fixture.seats ?? 1;
    const addons = (fixture.addons ?? []).map(({ addonRefId, quantity }) => {
      const found = (subscribed.compatibleAddons as JsonObject[]).find((item) => item.refId === addonRefId);
      if (!found) throw new Error(`no add-on ${addonRefId} on ${fixture.planRefId}`);
      return { addon: found, quantity };
    });
    const total = prices.length > 0 ? totalOf(prices, units, addons) : null;
    return {
      __typename: "CustomerSubscription",
      id: `uuid-${fixture.subscriptionId}`,
      subscriptionId: fixture.subscriptionId,
      refId: fixture.subscriptionId,
      payingCustomer: null,
      startDate: fixture.startDate,
      endDate: null,
      trialEndDate: null,
      cancellationDate: null,
      effectiveEndDate: null,
      status: fixture.status ?? "ACTIVE",
      currentBillingPeriodEnd: null,
      additionalMetaData: null,
      billingId: null,
      billingLinkUrl: null,
      latestInvoice: null,
      paymentCollection: "NOT_REQUIRED",
      paymentCollectionMethod: null,
      billingSyncError: null,
      resource: null,
      experimentInfo: null,
      // Stigg's subscription prices: the per-unit one carries the units bought as `usageLimit`
      // (the SDK's model: prices[].feature.unitQuantity).
      prices: prices.map((item) => ({ __typename: "SubscriptionPrice", usageLimit: item.feature ? units : null, price: item })),
      totalPrice:
        total === null ? null : { __typename: "CustomerSubscriptionTotalPrice", subTotal: money(total), total: money(total) },
      pricingType: subscribed.pricingType as string,
      plan: subscribed,
      addons: addons.map(({ addon: bought, quantity }) => ({
        __typename: "SubscriptionAddon",
        id: `uuid-${fixture.subscriptionId}-${bought.refId as string}`,
        quantity,
        addon: bought,
      })),
      scheduledUpdates: [],
      futureUpdates: [],
      trialConfiguration: null,
      customer: { __typename: "Customer", id: `uuid-${fixture.customerRefId}`, refId: fixture.customerRefId, customerId: fixture.customerRefId },
    };
  }

  function customer(refId: string, fields: { hasPaymentMethod: boolean; trialed: string[]; subscriptions: JsonObject[] }): JsonObject {
    return {
      __typename: "Customer",
      id: `uuid-${refId}`,
      refId,
      customerId: refId,
      name: null,
      email: null,
      createdAt: "2026-01-01T00:00:00.000Z",
      updatedAt: "2026-01-01T00:00:00.000Z",
      billingId: null,
      additionalMetaData: null,
      awsMarketplaceCustomerId: null,
      hasPaymentMethod: fields.hasPaymentMethod,
      hasActiveSubscription: fields.subscriptions.length > 0,
      defaultPaymentExpirationMonth: fields.hasPaymentMethod ? 12 : null,
      defaultPaymentExpirationYear: fields.hasPaymentMethod ? 2030 : null,
      defaultPaymentMethodLast4Digits: fields.hasPaymentMethod ? "4242" : null,
      defaultPaymentMethodType: fields.hasPaymentMethod ? "CARD" : null,
      trialedPlans: fields.trialed.map((planRefId) => ({
        __typename: "TrialedPlan",
        productId: `uuid-${PRODUCT_ID}`,
        productRefId: PRODUCT_ID,
        planRefId,
        planId: `uuid-${planRefId}`,
      })),
      experimentInfo: null,
      coupon: null,
      eligibleForTrial: [
        { __typename: "EligibleForTrial", productId: `uuid-${PRODUCT_ID}`, productRefId: PRODUCT_ID, eligible: fields.trialed.length === 0 },
      ],
      promotionalEntitlements: [],
      subscriptions: fields.subscriptions,
    };
  }

  function customerEntitlement(of: JsonObject, fields: JsonObject): JsonObject {
    return {
      __typename: "Entitlement",
      isGranted: true,
      accessDeniedReason: null,
      customerId: null,
      resourceId: null,
      usageLimit: null,
      hasUnlimitedUsage: false,
      hasSoftLimit: false,
      currentUsage: 0,
      requestedUsage: 0,
      requestedValues: null,
      enumValues: null,
      entitlementUpdatedAt: "2026-03-01T00:00:00.000Z",
      usageUpdatedAt: of.meterType && of.meterType !== "None" ? "2026-03-01T00:00:00.000Z" : null,
      usagePeriodAnchor: null,
      usagePeriodStart: null,
      usagePeriodEnd: null,
      nextResetDate: null,
      resetPeriod: null,
      resetPeriodConfiguration: null,
      feature: { ...of, __typename: "EntitlementFeature", unitTransformation: null },
      creditRate: null,
      validUntil: null,
      ...fields,
    };
  }

  function entitlementsFor(planRefId: string, previous: JsonObject[] = []): JsonObject[] {
    const usageOf = (featureId: string) =>
      (previous.find((item) => (item.feature as JsonObject).refId === featureId)?.currentUsage as number | undefined) ?? 0;
    return (planOf(planRefId).entitlements as JsonObject[])
      .filter((item) => item.isGranted === true)
      .map((item) => {
        const of = item.feature as JsonObject;
        return customerEntitlement(of, {
          usageLimit: item.usageLimit ?? null,
          hasUnlimitedUsage: item.hasUnlimitedUsage ?? false,
          enumValues: item.enumValues ?? null,
          currentUsage: usageOf(of.refId as string),
        });
      });
  }

  const projects = planOf("plan-free").entitlements as JsonObject[];
  const featureOf = (refId: string) => (projects.find((item) => item.featureId === refId)!.feature as JsonObject);
  return {
    plans,
    currency: { __typename: "PaywallCurrency", code: "USD", symbol: "$" },
    customers: [
      customer("cus-free", {
        hasPaymentMethod: false,
        trialed: ["plan-team"],
        subscriptions: [subscription({ subscriptionId: "sub-free", planRefId: "plan-free", startDate: "2026-01-01T00:00:00.000Z", customerRefId: "cus-free" })],
      }),
      customer("cus-new", {
        hasPaymentMethod: false,
        trialed: [],
        subscriptions: [subscription({ subscriptionId: "sub-new", planRefId: "plan-free", startDate: "2026-03-01T00:00:00.000Z", customerRefId: "cus-new" })],
      }),
      customer("cus-team", {
        hasPaymentMethod: true,
        trialed: [],
        subscriptions: [
          subscription({ subscriptionId: "sub-team", planRefId: "plan-team", startDate: "2026-02-01T00:00:00.000Z", customerRefId: "cus-team", seats: 3 }),
        ],
      }),
    ],
    entitlements: {
      "cus-free": [
        customerEntitlement(featureOf("feature-projects"), { usageLimit: 3, currentUsage: 2 }),
        customerEntitlement(featureOf("feature-region"), { enumValues: ["EU"] }),
        customerEntitlement(featureOf("feature-sso"), { isGranted: false, accessDeniedReason: "NoFeatureEntitlementInSubscription" }),
      ],
      "cus-new": entitlementsFor("plan-free"),
      "cus-team": [
        customerEntitlement(featureOf("feature-projects"), { hasUnlimitedUsage: true, currentUsage: 12 }),
        customerEntitlement(featureOf("feature-region"), { enumValues: ["EU", "US"] }),
        customerEntitlement(featureOf("feature-sso"), {}),
      ],
    },
    subscription,
    entitlementsFor,
  };
}
