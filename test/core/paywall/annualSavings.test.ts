import { describe, expect, it } from "vitest";
import { annualSavingsPercent, annualSavingsUniform, planAnnualSavingsPercent } from "../../../src/core/paywall/annualSavings.js";
import { basic, free, inEuros, plan, price, team } from "./fixtures.js";
import { seatPrice, teamFlatPlusSeats } from "./stiggPricingFixtures.js";

describe("annualSavingsPercent", () => {
  it("is the discount of annual over 12 months, as a whole percent", () => {
    // $10 a month against $96 a year ($8 a month): 20%.
    expect(annualSavingsPercent([free, basic])).toBe(20);
    expect(annualSavingsPercent([inEuros(basic)])).toBe(20);
  });

  it("is the largest saving among the plans", () => {
    // Team: $12 a seat a month against $120 a year ($10): 16.67%, below Basic's 20%.
    expect(annualSavingsPercent([team])).toBe(16);
    expect(annualSavingsPercent([team, basic])).toBe(20);
  });

  it("rounds down, never overstating a saving, but keeps exact percents", () => {
    const almost30 = plan({
      id: "p",
      pricePoints: [price({ amount: 10 }), price({ billingPeriod: "ANNUALLY", amount: 84.01 })],
    });
    expect(annualSavingsPercent([almost30])).toBe(29);
    const exactly29 = plan({
      id: "q",
      pricePoints: [price({ amount: 100 }), price({ billingPeriod: "ANNUALLY", amount: 852 })],
    });
    expect(annualSavingsPercent([exactly29])).toBe(29);
  });

  it("compares only price points of the same pricing model and currency", () => {
    const mismatched = plan({
      id: "p",
      pricePoints: [
        price({ amount: 10, currency: "USD" }),
        price({ billingPeriod: "ANNUALLY", amount: 60, currency: "EUR" }),
        price({ billingPeriod: "ANNUALLY", amount: 60, pricingModel: "PER_UNIT" }),
      ],
    });
    expect(annualSavingsPercent([mismatched])).toBeNull();
  });

  it("is null without a saving", () => {
    expect(annualSavingsPercent([free])).toBeNull();
    const dearer = plan({
      id: "p",
      pricePoints: [price({ amount: 10 }), price({ billingPeriod: "ANNUALLY", amount: 120 })],
    });
    expect(annualSavingsPercent([dearer])).toBeNull();
    const under1 = plan({
      id: "q",
      pricePoints: [price({ amount: 10 }), price({ billingPeriod: "ANNUALLY", amount: 119.5 })],
    });
    expect(annualSavingsPercent([under1])).toBeNull();
  });

  it("compares a period's prices added up, at the smallest quantity sold", () => {
    // $20 + $8 a month against ($200 + $80) / 12 = $23.33 a month, for one seat: 16.67%.
    expect(annualSavingsPercent([teamFlatPlusSeats])).toBe(16);
    // Only the seats are cheaper annually; at the 5 seats Team starts from, the saving is
    // (20 + 40 − (240 + 400) / 12) / 60 = 11.1%, not the 16.7% the seat price alone saves.
    const seatsCheaper = plan({
      id: "p",
      pricePoints: [
        price({ amount: 20 }),
        seatPrice({ amount: 8, minUnitQuantity: 5 }),
        price({ billingPeriod: "ANNUALLY", amount: 240 }),
        seatPrice({ billingPeriod: "ANNUALLY", amount: 80, minUnitQuantity: 5 }),
      ],
    });
    expect(annualSavingsPercent([seatsCheaper])).toBe(11);
  });

  it("leaves one-off fees out of the comparison", () => {
    const withSetup = plan({
      id: "p",
      pricePoints: [
        price({ amount: 10 }),
        // A one-off fee listed under the annual period only would otherwise make annual dearer.
        price({ billingPeriod: "ANNUALLY", amount: 500, billingCadence: "ONE_OFF" }),
        price({ billingPeriod: "ANNUALLY", amount: 96 }),
      ],
    });
    expect(annualSavingsPercent([withSetup])).toBe(20);
  });
});

describe("planAnnualSavingsPercent and annualSavingsUniform", () => {
  it("each plan's own saving; 0 when annual costs as much, null when the periods cannot be compared", () => {
    expect(planAnnualSavingsPercent(basic)).toBe(20);
    expect(planAnnualSavingsPercent(team)).toBe(16);
    expect(planAnnualSavingsPercent(free)).toBeNull();
    const noSaving = { ...basic, pricePoints: basic.pricePoints.map((price) => (price.billingPeriod === "ANNUALLY" ? { ...price, amount: 120 } : price)) };
    expect(planAnnualSavingsPercent(noSaving)).toBe(0);
  });

  it("uniform only when every comparable plan saves the same", () => {
    expect(annualSavingsUniform([free, basic])).toBe(true);
    expect(annualSavingsUniform([free, basic, team])).toBe(false);
  });
});
