import { describe, expect, it } from "vitest";
import type { PriceTier } from "../../../src/core/contract.js";
import { firstTierPrice, tieredTotal } from "../../../src/core/paywall/tieredPrice.js";

const tiers: PriceTier[] = [
  { upTo: 10, unitPrice: 10 },
  { upTo: 50, unitPrice: 8, flatPrice: 20 },
  { unitPrice: 6, flatPrice: 50 },
];

describe("tieredTotal", () => {
  it("VOLUME: the tier the quantity falls in prices every unit, plus its flat price", () => {
    expect(tieredTotal(tiers, "VOLUME", 1)).toBe(10);
    expect(tieredTotal(tiers, "VOLUME", 10)).toBe(100);
    expect(tieredTotal(tiers, "VOLUME", 11)).toBe(11 * 8 + 20);
    expect(tieredTotal(tiers, "VOLUME", 60)).toBe(60 * 6 + 50);
  });

  it("GRADUATED: each tier prices its own units, plus the flat price of each tier reached", () => {
    expect(tieredTotal(tiers, "GRADUATED", 10)).toBe(100);
    expect(tieredTotal(tiers, "GRADUATED", 11)).toBe(100 + 8 + 20);
    expect(tieredTotal(tiers, "GRADUATED", 60)).toBe(100 + 40 * 8 + 20 + 10 * 6 + 50);
  });

  it("reads tiers in ascending order whatever order they come in", () => {
    const shuffled = [tiers[2]!, tiers[0]!, tiers[1]!];
    expect(tieredTotal(shuffled, "GRADUATED", 11)).toBe(128);
    expect(tieredTotal(shuffled, "VOLUME", 11)).toBe(108);
  });

  it("past a last tier that has an end, VOLUME keeps the last tier's price", () => {
    expect(tieredTotal([{ upTo: 5, unitPrice: 3 }], "VOLUME", 7)).toBe(21);
    expect(tieredTotal([{ upTo: 5, unitPrice: 3 }], "GRADUATED", 7)).toBe(15);
  });
});

describe("firstTierPrice", () => {
  it("is the first tier's unit price", () => {
    expect(firstTierPrice(tiers)).toEqual({ amount: 10, isPerUnit: true });
  });

  it("is the first tier's flat price when the tier is priced as a whole", () => {
    expect(firstTierPrice([{ upTo: 10, flatPrice: 50 }, { unitPrice: 4 }])).toEqual({ amount: 50, isPerUnit: false });
    expect(firstTierPrice([{ upTo: 10, unitPrice: 0, flatPrice: 50 }, { unitPrice: 4 }])).toEqual({ amount: 50, isPerUnit: false });
  });

  it("is undefined without tiers", () => {
    expect(firstTierPrice([])).toBeUndefined();
  });
});
