/**
 * The demo catalog: one realistic SaaS price list, shared by the demo app, Storybook and the tests
 * so all three show the same behaviour.
 */
import type { Addon, Customer, Plan } from "../src/core/contract.js";

const extraStorage: Addon = {
  id: "addon-storage",
  displayName: "Extra storage (100 GB)",
  pricePoints: [
    { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 5, currency: "USD" },
    { billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 50, currency: "USD" },
  ],
  maxQuantity: 10,
};

export const demoPlans: Plan[] = [
  {
    id: "plan-free",
    displayName: "Free",
    description: "For trying things out.",
    order: 0,
    pricingType: "FREE",
    pricePoints: [],
    productId: "product-app",
    entitlements: [
      { featureId: "projects", displayName: "Projects", featureType: "NUMBER", usageLimit: 3, units: "project", unitsPlural: "projects" },
      { featureId: "storage", displayName: "Storage", featureType: "NUMBER", usageLimit: 1, units: "GB", unitsPlural: "GB" },
    ],
  },
  {
    id: "plan-basic",
    displayName: "Basic",
    description: "For individuals who ship.",
    order: 10,
    pricingType: "PAID",
    productId: "product-app",
    basePlanId: "plan-free",
    pricePoints: [
      { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 10, currency: "USD" },
      { billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 96, currency: "USD" },
    ],
    entitlements: [
      { featureId: "projects", displayName: "Projects", featureType: "NUMBER", usageLimit: 20, units: "project", unitsPlural: "projects" },
      { featureId: "storage", displayName: "Storage", featureType: "NUMBER", usageLimit: 50, units: "GB", unitsPlural: "GB" },
      { featureId: "custom-domain", displayName: "Custom domain", featureType: "BOOLEAN" },
    ],
    compatibleAddons: [extraStorage],
  },
  {
    id: "plan-pro",
    displayName: "Pro",
    description: "For teams that collaborate.",
    order: 20,
    pricingType: "PAID",
    productId: "product-app",
    basePlanId: "plan-basic",
    defaultTrialConfig: { duration: 14, units: "DAY" },
    pricePoints: [
      {
        billingPeriod: "MONTHLY",
        pricingModel: "PER_UNIT",
        amount: 12,
        currency: "USD",
        feature: { featureId: "seats", units: "seat", unitsPlural: "seats" },
        minUnitQuantity: 1,
        maxUnitQuantity: 50,
      },
      {
        billingPeriod: "ANNUALLY",
        pricingModel: "PER_UNIT",
        amount: 120,
        currency: "USD",
        feature: { featureId: "seats", units: "seat", unitsPlural: "seats" },
        minUnitQuantity: 1,
        maxUnitQuantity: 50,
      },
    ],
    entitlements: [
      { featureId: "projects", displayName: "Projects", featureType: "NUMBER", isUnlimited: true, units: "project", unitsPlural: "projects" },
      { featureId: "storage", displayName: "Storage", featureType: "NUMBER", usageLimit: 500, units: "GB", unitsPlural: "GB" },
      { featureId: "sso", displayName: "Single sign-on", featureType: "BOOLEAN" },
    ],
    compatibleAddons: [extraStorage],
  },
  {
    id: "plan-enterprise",
    displayName: "Enterprise",
    description: "Security, compliance and a dedicated contact.",
    order: 30,
    pricingType: "CUSTOM",
    productId: "product-app",
    basePlanId: "plan-pro",
    pricePoints: [],
    entitlements: [
      { featureId: "audit-log", displayName: "Audit log", featureType: "BOOLEAN" },
      { featureId: "sla", displayName: "99.99% uptime SLA", featureType: "BOOLEAN" },
    ],
  },
];

/** The signed-in demo customer starts on the free plan. */
export const DEMO_CUSTOMER_ID = "customer-demo";

/** When the demo customer's free subscription started (fixed, so screenshots and tests are stable). */
const DEMO_START_DATE = "2026-01-05T09:00:00.000Z";

/**
 * The customers the demo backend starts with (and returns to on "Reset demo"): the demo customer on
 * Free, without a payment method, so any paid plan goes through checkout.
 */
export const demoCustomers: Customer[] = [
  {
    id: DEMO_CUSTOMER_ID,
    subscriptions: [{ id: "sub-demo-free", planId: "plan-free", status: "ACTIVE", startDate: DEMO_START_DATE }],
    hasPaymentMethod: false,
    trialedPlanIds: [],
  },
];
