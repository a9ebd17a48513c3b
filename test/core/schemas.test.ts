/** The response schemas for the fields Stigg's pricing model needs. */
import { describe, expect, it } from "vitest";
import { customerResponseSchema, parseWith, plansResponseSchema } from "../../src/core/schemas.js";

const planWith = (price: Record<string, unknown>, entitlement: Record<string, unknown> = {}) => ({
  plans: [
    {
      id: "team",
      displayName: "Team",
      order: 1,
      pricingType: "PAID",
      pricePoints: [{ billingPeriod: "MONTHLY", pricingModel: "PER_UNIT", amount: 10, currency: "USD", ...price }],
      entitlements: [{ featureId: "region", displayName: "Region", featureType: "ENUM", ...entitlement }],
    },
  ],
});

describe("plansResponseSchema: Stigg's pricing fields", () => {
  it("accepts cadence, block size, tiers and their mode, ENUM values and not-included lines", () => {
    const parsed = parseWith(
      plansResponseSchema,
      planWith(
        {
          billingCadence: "ONE_OFF",
          blockSize: 5,
          tiers: [{ upTo: 10, unitPrice: 10 }, { upTo: null, unitPrice: 8, flatPrice: 20 }],
          tiersMode: "GRADUATED",
        },
        { enumValues: ["EU", "US"], isGranted: false },
      ),
    );
    expect(parsed.ok && parsed.value.plans[0]).toMatchObject({
      pricePoints: [{ billingCadence: "ONE_OFF", blockSize: 5, tiers: [{ upTo: 10, unitPrice: 10 }, { unitPrice: 8, flatPrice: 20 }], tiersMode: "GRADUATED" }],
      entitlements: [{ featureType: "ENUM", enumValues: ["EU", "US"], isGranted: false }],
    });
  });

  it("rejects unknown cadences, tier modes and feature types, naming the path", () => {
    const issues = (input: unknown) => {
      const parsed = parseWith(plansResponseSchema, input);
      return parsed.ok ? [] : parsed.issues;
    };
    expect(issues(planWith({ billingCadence: "WEEKLY" }))).toEqual([
      { path: "plans.0.pricePoints.0.billingCadence", message: "Expected one of RECURRING, ONE_OFF, got string" },
    ]);
    expect(issues(planWith({ tiers: [{ unitPrice: 1 }], tiersMode: "STAIRS" }))).toEqual([
      { path: "plans.0.pricePoints.0.tiersMode", message: "Expected one of VOLUME, GRADUATED, got string" },
    ]);
    expect(issues(planWith({}, { featureType: "CREDIT" }))).toEqual([
      { path: "plans.0.entitlements.0.featureType", message: "Expected one of BOOLEAN, NUMBER, ENUM, got string" },
    ]);
  });

  it("rejects tiers without their mode, a block size below 1 and negative tier prices", () => {
    const paths = (input: unknown) => {
      const parsed = parseWith(plansResponseSchema, input);
      return parsed.ok ? [] : parsed.issues.map((issue) => `${issue.path}: ${issue.message}`);
    };
    expect(paths(planWith({ tiers: [{ unitPrice: 1 }] }))).toEqual(["plans.0.pricePoints.0: Expected tiersMode with tiers"]);
    expect(paths(planWith({ blockSize: 0 }))).toEqual(["plans.0.pricePoints.0.blockSize: Expected a block size ≥ 1"]);
    expect(paths(planWith({ tiers: [{ unitPrice: -1 }], tiersMode: "VOLUME" }))).toEqual([
      "plans.0.pricePoints.0.tiers.0.unitPrice: Expected an amount ≥ 0",
    ]);
    expect(paths(planWith({}, { enumValues: "EU" }))).toEqual(["plans.0.entitlements.0.enumValues: Expected an array, got string"]);
  });
});

describe("customerResponseSchema: ENUM entitlements", () => {
  it("accepts an ENUM entitlement with its values", () => {
    const parsed = parseWith(customerResponseSchema, {
      customer: { id: "c", subscriptions: [], entitlements: [{ featureId: "region", featureType: "ENUM", hasAccess: true, enumValues: ["EU"] }] },
    });
    expect(parsed.ok && parsed.value.customer.entitlements).toEqual([
      { featureId: "region", featureType: "ENUM", hasAccess: true, enumValues: ["EU"] },
    ]);
  });
});
