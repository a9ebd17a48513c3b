import { describe, expect, it } from "vitest";
import {
  billingPeriodsOffered,
  defaultBillingPeriod,
  effectiveBillingPeriod,
} from "../../../src/core/paywall/billingPeriods.js";
import {
  apiUsage,
  basic,
  customer,
  enterprise,
  free,
  plan,
  price,
  subscription,
  team,
} from "./fixtures.js";

const annualOnly = plan({
  id: "annual-only",
  pricePoints: [price({ billingPeriod: "ANNUALLY", amount: 200 })],
});
const annualOnly2 = plan({
  id: "annual-only-2",
  pricePoints: [price({ billingPeriod: "ANNUALLY", amount: 300 })],
});

describe("billingPeriodsOffered", () => {
  it("lists MONTHLY before ANNUALLY whatever order the price points are in", () => {
    const annualFirst = plan({
      id: "p",
      pricePoints: [price({ billingPeriod: "ANNUALLY" }), price({ billingPeriod: "MONTHLY" })],
    });
    expect(billingPeriodsOffered([annualFirst])).toEqual(["MONTHLY", "ANNUALLY"]);
  });

  it("lists only the periods some plan has a price for", () => {
    expect(billingPeriodsOffered([free, apiUsage, enterprise])).toEqual(["MONTHLY"]);
    expect(billingPeriodsOffered([free, annualOnly])).toEqual(["ANNUALLY"]);
    expect(billingPeriodsOffered([free, enterprise])).toEqual([]);
  });

  it("does not offer a period for a one-off fee listed under it", () => {
    const setupFee = price({ billingPeriod: "ANNUALLY", amount: 100, billingCadence: "ONE_OFF" });
    const monthlyWithSetup = plan({ id: "m", pricePoints: [price({ amount: 10 }), setupFee, { ...setupFee, amount: 50 }] });
    expect(billingPeriodsOffered([monthlyWithSetup])).toEqual(["MONTHLY"]);
    expect(defaultBillingPeriod({ plans: [monthlyWithSetup] })).toBe("MONTHLY");
  });
});

describe("defaultBillingPeriod", () => {
  const plans = [free, basic, team];

  it("takes the preferred period when it is offered", () => {
    const onAnnual = customer([subscription("basic", { billingPeriod: "MONTHLY" })]);
    expect(
      defaultBillingPeriod({ plans, customer: onAnnual, preferredBillingPeriod: "ANNUALLY" }),
    ).toBe("ANNUALLY");
  });

  it("skips a preferred period no plan offers", () => {
    expect(
      defaultBillingPeriod({ plans: [free, annualOnly], preferredBillingPeriod: "MONTHLY" }),
    ).toBe("ANNUALLY");
  });

  it("then takes the period of the customer's live subscription", () => {
    const annual = customer([subscription("team", { billingPeriod: "ANNUALLY" })]);
    expect(defaultBillingPeriod({ plans, customer: annual })).toBe("ANNUALLY");

    const trialing = customer([
      subscription("basic", { status: "IN_TRIAL", billingPeriod: "ANNUALLY" }),
    ]);
    expect(defaultBillingPeriod({ plans, customer: trialing })).toBe("ANNUALLY");
  });

  it("ignores subscriptions that are not live or not to a shown plan", () => {
    const canceled = customer([
      subscription("basic", { status: "CANCELED", billingPeriod: "ANNUALLY" }),
      subscription("other-product", { billingPeriod: "ANNUALLY" }),
    ]);
    expect(defaultBillingPeriod({ plans, customer: canceled })).toBe("MONTHLY");
  });

  it("then takes the period most paid price points are in", () => {
    expect(defaultBillingPeriod({ plans: [basic, annualOnly, annualOnly2] })).toBe("ANNUALLY");
  });

  it("settles a tie, or no prices at all, on MONTHLY", () => {
    expect(defaultBillingPeriod({ plans: [basic, team] })).toBe("MONTHLY");
    expect(defaultBillingPeriod({ plans: [free, enterprise] })).toBe("MONTHLY");
  });
});

describe("effectiveBillingPeriod", () => {
  it("keeps the user's pick while it is offered, else falls back to the default", () => {
    expect(effectiveBillingPeriod("ANNUALLY", { plans: [basic] })).toBe("ANNUALLY");
    expect(effectiveBillingPeriod("MONTHLY", { plans: [annualOnly] })).toBe("ANNUALLY");
    expect(effectiveBillingPeriod(undefined, { plans: [annualOnly] })).toBe("ANNUALLY");
  });
});
