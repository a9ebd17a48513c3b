import { describe, expect, it } from "vitest";
import { priceTotal, pricesTotal } from "../../../src/core/paywall/priceTotal.js";
import { price } from "./fixtures.js";
import { businessBlocks, scaleTiers, seatPrice, teamFlatPlusSeats } from "./stiggPricingFixtures.js";

describe("priceTotal", () => {
  it("a flat fee is the same for any quantity; a unit price is times the quantity", () => {
    expect(priceTotal(price({ amount: 20 }), 7)).toBe(20);
    expect(priceTotal(seatPrice({ amount: 8 }), 7)).toBe(56);
  });

  it("a block price charges whole blocks, rounded up", () => {
    const perFive = businessBlocks.pricePoints[0]!;
    expect(priceTotal(perFive, 1)).toBe(40);
    expect(priceTotal(perFive, 5)).toBe(40);
    expect(priceTotal(perFive, 6)).toBe(80);
  });

  it("a tiered price by its tiers, not by its amount", () => {
    expect(priceTotal(scaleTiers("VOLUME").pricePoints[0]!, 11)).toBe(108);
    expect(priceTotal(scaleTiers("GRADUATED").pricePoints[0]!, 11)).toBe(128);
  });

  it("usage is billed as it accrues: nothing up front", () => {
    expect(priceTotal(price({ pricingModel: "USAGE_BASED", amount: 0.01 }), 5)).toBe(0);
  });
});

describe("pricesTotal", () => {
  it("adds a period's prices up: $20 + 7 × $8", () => {
    const monthly = teamFlatPlusSeats.pricePoints.filter((point) => point.billingPeriod === "MONTHLY");
    expect(pricesTotal(monthly, 7)).toBe(76);
  });

  it("keeps sub-cent unit prices", () => {
    expect(pricesTotal([seatPrice({ amount: 0.001 })], 1)).toBe(0.001);
  });
});
