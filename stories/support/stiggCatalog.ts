/**
 * A catalog priced the ways Stigg prices plans: a flat fee plus seats, seats sold in blocks, a
 * one-off add-on, a plan priced by tiers only, an ENUM feature and a feature listed as not included.
 * The `StiggPricing` story and the Paywall component test draw it.
 */
import type { Plan, PriceFeature } from "../../src/index.js";

const seat: PriceFeature = { featureId: "seats", units: "seat", unitsPlural: "seats" };
const usd = { currency: "USD" } as const;

export const stiggPlans: Plan[] = [
  {
    id: "plan-free",
    displayName: "Free",
    description: "For trying it out",
    order: 0,
    pricingType: "FREE",
    pricePoints: [],
    entitlements: [
      { featureId: "seats", displayName: "Seats", featureType: "NUMBER", usageLimit: 3, units: "seat", unitsPlural: "seats" },
      { featureId: "region", displayName: "Region", featureType: "ENUM", enumValues: ["EU"] },
      { featureId: "sso", displayName: "SSO", featureType: "BOOLEAN", isGranted: false },
    ],
  },
  {
    id: "plan-team",
    displayName: "Team",
    description: "A base fee plus every seat",
    order: 1,
    pricingType: "PAID",
    pricePoints: [
      { ...usd, billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 20 },
      { ...usd, billingPeriod: "MONTHLY", pricingModel: "PER_UNIT", amount: 8, feature: seat, minUnitQuantity: 1 },
      { ...usd, billingPeriod: "ANNUALLY", pricingModel: "FLAT_FEE", amount: 200 },
      { ...usd, billingPeriod: "ANNUALLY", pricingModel: "PER_UNIT", amount: 80, feature: seat, minUnitQuantity: 1 },
    ],
    entitlements: [
      { featureId: "region", displayName: "Region", featureType: "ENUM", enumValues: ["EU", "US"] },
      { featureId: "sso", displayName: "SSO", featureType: "BOOLEAN" },
    ],
    compatibleAddons: [
      {
        id: "addon-onboarding",
        displayName: "Onboarding",
        maxQuantity: 1,
        pricePoints: [{ ...usd, billingPeriod: "MONTHLY", pricingModel: "FLAT_FEE", amount: 100, billingCadence: "ONE_OFF" }],
      },
    ],
  },
  {
    id: "plan-business",
    displayName: "Business",
    description: "Seats in packs of five",
    order: 2,
    pricingType: "PAID",
    basePlanId: "plan-team",
    pricePoints: [
      { ...usd, billingPeriod: "MONTHLY", pricingModel: "PER_UNIT", amount: 40, blockSize: 5, feature: seat, minUnitQuantity: 5 },
      { ...usd, billingPeriod: "ANNUALLY", pricingModel: "PER_UNIT", amount: 400, blockSize: 5, feature: seat, minUnitQuantity: 5 },
    ],
    entitlements: [{ featureId: "audit-log", displayName: "Audit log", featureType: "BOOLEAN" }],
  },
  {
    id: "plan-scale",
    displayName: "Scale",
    description: "Cheaper per seat as you grow",
    order: 3,
    pricingType: "PAID",
    basePlanId: "plan-business",
    pricePoints: [
      {
        ...usd,
        billingPeriod: "MONTHLY",
        pricingModel: "PER_UNIT",
        amount: 10,
        feature: seat,
        tiersMode: "VOLUME",
        tiers: [{ upTo: 10, unitPrice: 10 }, { upTo: 50, unitPrice: 8 }, { unitPrice: 6 }],
      },
    ],
    entitlements: [{ featureId: "support", displayName: "Priority support", featureType: "BOOLEAN" }],
  },
];
