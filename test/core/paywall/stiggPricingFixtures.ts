/**
 * Plans priced the ways Stigg prices them: a flat fee plus seats, seats sold in blocks, tiers, and
 * one-off fees. Shared by the price, savings and paywall-model tests.
 */
import type { Addon, Plan, Price } from "../../../src/core/contract.js";
import { plan, price } from "./fixtures.js";

const seat = { featureId: "seats", units: "seat", unitsPlural: "seats" };

export const seatPrice = (overrides: Partial<Price> = {}): Price =>
  price({ pricingModel: "PER_UNIT", feature: seat, ...overrides });

/** $20 + $8 per seat a month; $200 + $80 per seat a year. */
export const teamFlatPlusSeats: Plan = plan({
  id: "team",
  displayName: "Team",
  order: 1,
  pricePoints: [
    price({ amount: 20 }),
    seatPrice({ amount: 8 }),
    price({ billingPeriod: "ANNUALLY", amount: 200 }),
    seatPrice({ billingPeriod: "ANNUALLY", amount: 80 }),
  ],
});

/** $40 per block of 5 seats a month. */
export const businessBlocks: Plan = plan({
  id: "business",
  displayName: "Business",
  order: 2,
  pricePoints: [seatPrice({ amount: 40, blockSize: 5 })],
});

/** Seats from $10: 1–10 at $10, 11–50 at $8, above at $6. */
export const scaleTiers = (tiersMode: "VOLUME" | "GRADUATED"): Plan =>
  plan({
    id: "scale",
    displayName: "Scale",
    order: 3,
    pricePoints: [
      seatPrice({
        amount: 10,
        tiersMode,
        tiers: [
          { upTo: 10, unitPrice: 10 },
          { upTo: 50, unitPrice: 8, flatPrice: 20 },
          { unitPrice: 6, flatPrice: 50 },
        ],
      }),
    ],
  });

export const onboarding: Addon = {
  id: "onboarding",
  displayName: "Onboarding",
  pricePoints: [price({ amount: 100, billingCadence: "ONE_OFF" })],
};

/** Only a one-off fee: a lifetime deal. */
export const lifetime: Plan = plan({
  id: "lifetime",
  displayName: "Lifetime",
  pricePoints: [price({ amount: 299, billingCadence: "ONE_OFF" })],
});
