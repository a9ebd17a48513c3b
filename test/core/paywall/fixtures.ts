/**
 * A small plan catalogue for the paywall tests: Free → Basic (flat, trial) → Team (per seat,
 * trial) → Enterprise (custom) in product "app", an API product priced by usage, and a hidden
 * legacy plan. `inEuros` re-prices a plan so every case can run in both currencies.
 */
import type { Customer, Plan, Price, Subscription } from "../../../src/core/contract.js";

/** The no-break space Intl puts between a German amount and its currency sign. */
export const NBSP = "\u00a0";

export function price(overrides: Partial<Price> = {}): Price {
  return {
    billingPeriod: "MONTHLY",
    pricingModel: "FLAT_FEE",
    amount: 10,
    currency: "USD",
    ...overrides,
  };
}

export function plan(overrides: Partial<Plan> & Pick<Plan, "id">): Plan {
  return {
    displayName: overrides.id,
    order: 0,
    pricingType: "PAID",
    pricePoints: [],
    entitlements: [],
    ...overrides,
  };
}

export const free = plan({
  id: "free",
  displayName: "Free",
  order: 0,
  pricingType: "FREE",
  productId: "app",
  entitlements: [
    {
      featureId: "projects",
      displayName: "Projects",
      featureType: "NUMBER",
      usageLimit: 3,
      units: "project",
      unitsPlural: "projects",
    },
    { featureId: "community", displayName: "Community support", featureType: "BOOLEAN" },
  ],
});

export const basic = plan({
  id: "basic",
  displayName: "Basic",
  order: 1,
  productId: "app",
  basePlanId: "free",
  defaultTrialConfig: { duration: 14, units: "DAY" },
  pricePoints: [
    price({ billingPeriod: "MONTHLY", amount: 10 }),
    price({ billingPeriod: "ANNUALLY", amount: 96 }),
  ],
  entitlements: [
    {
      featureId: "projects",
      displayName: "Projects",
      featureType: "NUMBER",
      isUnlimited: true,
      units: "project",
      unitsPlural: "projects",
    },
    {
      featureId: "api-calls",
      displayName: "API calls",
      featureType: "NUMBER",
      usageLimit: 10000,
      units: "API call",
      unitsPlural: "API calls",
    },
  ],
});

const seat = { featureId: "seats", units: "seat", unitsPlural: "seats" };

export const team = plan({
  id: "team",
  displayName: "Team",
  order: 2,
  productId: "app",
  basePlanId: "basic",
  defaultTrialConfig: { duration: 1, units: "MONTH" },
  pricePoints: [
    price({
      billingPeriod: "MONTHLY",
      pricingModel: "PER_UNIT",
      amount: 12,
      feature: seat,
      minUnitQuantity: 2,
      maxUnitQuantity: 50,
    }),
    price({
      billingPeriod: "ANNUALLY",
      pricingModel: "PER_UNIT",
      amount: 120,
      feature: seat,
      minUnitQuantity: 2,
      maxUnitQuantity: 50,
    }),
  ],
});

export const enterprise = plan({
  id: "enterprise",
  displayName: "Enterprise",
  order: 3,
  pricingType: "CUSTOM",
  productId: "app",
});

export const legacy = plan({
  id: "legacy",
  displayName: "Legacy",
  order: 1,
  productId: "app",
  metadata: { hidden: "true" },
  pricePoints: [price({ amount: 5 })],
});

export const apiUsage = plan({
  id: "api",
  displayName: "API",
  order: 0,
  productId: "api",
  pricePoints: [
    price({
      pricingModel: "USAGE_BASED",
      amount: 0.01,
      feature: { featureId: "calls", units: "call", unitsPlural: "calls" },
    }),
  ],
});

export const appPlans: Plan[] = [enterprise, team, legacy, basic, free];
export const allPlans: Plan[] = [...appPlans, apiUsage];

export function inEuros(source: Plan): Plan {
  return {
    ...source,
    pricePoints: source.pricePoints.map((point) => ({ ...point, currency: "EUR" })),
  };
}

export function subscription(
  planId: string,
  overrides: Partial<Subscription> = {},
): Subscription {
  return {
    id: `sub-${planId}`,
    planId,
    status: "ACTIVE",
    billingPeriod: "MONTHLY",
    startDate: "2025-01-01T00:00:00.000Z",
    ...overrides,
  };
}

export function customer(
  subscriptions: Subscription[] = [],
  overrides: Partial<Customer> = {},
): Customer {
  return { id: "cust-1", subscriptions, ...overrides };
}
