import type { Plan } from "react-upgrade-kit";

/** The memory backend's catalog (with Stigg, your plans come from Stigg instead). */
export const plans: Plan[] = [
  {
    id: "plan-free",
    displayName: "Free",
    description: "For trying things out.",
    order: 0,
    pricingType: "FREE",
    productId: "product-app",
    pricePoints: [],
    entitlements: [{ featureId: "projects", displayName: "Projects", featureType: "NUMBER", usageLimit: 3, units: "project", unitsPlural: "projects" }],
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
      { featureId: "custom-domain", displayName: "Custom domain", featureType: "BOOLEAN" },
    ],
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
      { billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 25, currency: "USD" },
      { billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 240, currency: "USD" },
    ],
    entitlements: [
      { featureId: "projects", displayName: "Projects", featureType: "NUMBER", isUnlimited: true, units: "project", unitsPlural: "projects" },
      { featureId: "sso", displayName: "Single sign-on", featureType: "BOOLEAN" },
    ],
  },
];
