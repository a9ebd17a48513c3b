/**
 * The catalogs the browser bench loads: the demo's (4 plans: free, flat fee, per seat with a trial,
 * custom) and a generated one of 50 plans, to see what scales with the catalog's size; and the
 * scaling scenarios' generated catalogs of 3 to 300 plans.
 */
import { DEMO_CUSTOMER_ID, demoCustomers, demoPlans } from "../../demo/catalog.js";
import type { Customer, Plan } from "../../src/core/contract.js";

export interface BenchCatalog {
  id: string;
  label: string;
  plans: Plan[];
  customers: Customer[];
  customerId: string;
}

/** `count` plans: one free (the customer's), then flat-fee and per-seat plans in turn, each with features. */
export function generatePlans(count: number): Plan[] {
  return Array.from({ length: count }, (_, index): Plan => {
    const id = `plan-${String(index).padStart(2, "0")}`;
    const features = Array.from({ length: 4 }, (_, feature) => ({
      featureId: `feature-${feature}`,
      displayName: `Feature ${feature}`,
      featureType: "NUMBER" as const,
      usageLimit: (index + 1) * (feature + 1),
      units: "item",
      unitsPlural: "items",
    }));
    if (index === 0) {
      return { id, displayName: "Plan 00", order: 0, pricingType: "FREE", pricePoints: [], entitlements: features };
    }
    const perSeat = index % 2 === 0;
    const feature = perSeat ? { feature: { featureId: "seats", units: "seat", unitsPlural: "seats" }, minUnitQuantity: 1, maxUnitQuantity: 100 } : {};
    return {
      id,
      displayName: `Plan ${String(index).padStart(2, "0")}`,
      description: `Generated plan number ${index}.`,
      order: index,
      pricingType: "PAID",
      basePlanId: `plan-${String(index - 1).padStart(2, "0")}`,
      pricePoints: [
        { billingPeriod: "MONTHLY", pricingModel: perSeat ? "PER_UNIT" : "FLAT_FEE", amount: index * 2, currency: "USD", ...feature },
        { billingPeriod: "ANNUALLY", pricingModel: perSeat ? "PER_UNIT" : "FLAT_FEE", amount: index * 20, currency: "USD", ...feature },
      ],
      entitlements: features,
    };
  });
}

/** A customer on the generated catalogs' free plan (plan-00). */
function freePlanCustomers(): Customer[] {
  return [
    {
      id: DEMO_CUSTOMER_ID,
      subscriptions: [{ id: "sub-free", planId: "plan-00", status: "ACTIVE", startDate: "2026-01-05T09:00:00.000Z" }],
      hasPaymentMethod: false,
      trialedPlanIds: [],
    },
  ];
}

export const benchCatalogs: BenchCatalog[] = [
  { id: "demo", label: "demo catalog (4 plans)", plans: demoPlans, customers: demoCustomers, customerId: DEMO_CUSTOMER_ID },
  {
    id: "plans50",
    label: "50-plan catalog",
    plans: generatePlans(50),
    customers: [
      {
        id: DEMO_CUSTOMER_ID,
        subscriptions: [{ id: "sub-50-free", planId: "plan-00", status: "ACTIVE", startDate: "2026-01-05T09:00:00.000Z" }],
        hasPaymentMethod: false,
        trialedPlanIds: [],
      },
    ],
    customerId: DEMO_CUSTOMER_ID,
  },
];

/**
 * The scaling scenarios' catalogs (bench/browser/scaling.ts): generated plans as above, 3 (the
 * baseline: free, flat fee, per seat), 10, 100 and 300 of them.
 */
export const scalingCatalogs: BenchCatalog[] = [3, 10, 100, 300].map((count) => ({
  id: `scale${count}`,
  label: `${count} plans`,
  plans: generatePlans(count),
  customers: freePlanCustomers(),
  customerId: DEMO_CUSTOMER_ID,
}));

/** Every catalog the bench server serves. */
export const allCatalogs: BenchCatalog[] = [...benchCatalogs, ...scalingCatalogs];
