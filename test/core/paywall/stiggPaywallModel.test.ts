/** The paywall model for plans priced and listed the ways Stigg prices and lists them. */
import { describe, expect, it } from "vitest";
import type { Plan } from "../../../src/core/contract.js";
import { buildPaywallModel, type PlanCardModel } from "../../../src/core/paywall/index.js";
import { customer, plan, price, subscription } from "./fixtures.js";
import { businessBlocks, onboarding, scaleTiers, seatPrice, teamFlatPlusSeats } from "./stiggPricingFixtures.js";

function card(plans: Plan[], planId: string, extra: Partial<Parameters<typeof buildPaywallModel>[0]> = {}): PlanCardModel {
  const found = buildPaywallModel({ plans, locale: "en-US", ...extra }).cards.find((candidate) => candidate.plan.id === planId);
  if (!found) throw new Error(`no card for ${planId}`);
  return found;
}

describe("buildPaywallModel with Stigg's pricing", () => {
  it("a flat fee plus seats gets a seat stepper, and its total adds the flat fee", () => {
    const team = card([teamFlatPlusSeats], "team", { customer: customer(), unitQuantities: { team: 7 } });
    expect(team.price.label).toBe("$20 + $8 per seat / month");
    expect(team.unitQuantity).toMatchObject({ value: 7, unitLabel: "seats" });
    expect(team.price.total).toBe("$76 / month for 7 seats");
    expect(team.buttonLabel).toBe("Upgrade");
  });

  it("on a flat-plus-seats plan, other seats than subscribed is a change of quantity", () => {
    const onTeam = customer([subscription("team", { unitQuantity: 3 })]);
    expect(card([teamFlatPlusSeats], "team", { customer: onTeam }).intent).toBe("CURRENT_PLAN");
    expect(card([teamFlatPlusSeats], "team", { customer: onTeam, unitQuantities: { team: 4 } }).intent).toBe(
      "CHANGE_UNIT_QUANTITY",
    );
  });

  it("seats in blocks: the total charges whole blocks", () => {
    const business = card([businessBlocks], "business", { customer: customer(), unitQuantities: { business: 7 } });
    expect(business.price.label).toBe("$40 per 5 seats / month");
    expect(business.price.total).toBe("$80 / month for 7 seats");
  });

  it("a tiered-only PAID plan is sold from the paywall, from its first tier, not as custom pricing", () => {
    const scale = card([scaleTiers("VOLUME")], "scale", { customer: customer() });
    expect(scale.price.label).toBe("From $10 per seat / month");
    expect(scale.intent).toBe("UPGRADE");
    expect(scale.unitQuantity?.value).toBe(1);
  });

  it("lists a plan's add-ons with their prices, a one-off one as one-time", () => {
    const withAddons: Plan = {
      ...teamFlatPlusSeats,
      compatibleAddons: [
        onboarding,
        { id: "storage", displayName: "Extra storage", pricePoints: [price({ amount: 5 })] },
        { id: "unpriced", displayName: "Unpriced", pricePoints: [] },
      ],
    };
    expect(card([withAddons], "team").addons.map((line) => line.text)).toEqual([
      "Onboarding: $100 one-time",
      "Extra storage: $5 / month",
    ]);
    expect(card([withAddons], "team").addonsHeading).toBe("Add-ons");
  });

  it("draws features the plan lists as not included after the included ones", () => {
    const free = plan({
      id: "free",
      pricingType: "FREE",
      entitlements: [
        { featureId: "sso", displayName: "SSO", featureType: "BOOLEAN", isGranted: false },
        { featureId: "region", displayName: "Region", featureType: "ENUM", enumValues: ["EU"] },
        { featureId: "seats", displayName: "Seats", featureType: "NUMBER", usageLimit: 0 },
      ],
    });
    const shown = card([free], "free");
    expect(shown.entitlements.map((line) => [line.text, line.included])).toEqual([
      ["Region: EU", true],
      ["Seats", true],
      ["SSO", false],
    ]);
    expect(shown.notIncludedLabel).toBe("Not included:");
  });

  it("a plan with seats and a one-off fee: the fee beside the price, not in the total", () => {
    const withSetup: Plan = plan({ id: "p", pricePoints: [seatPrice({ amount: 8 }), price({ amount: 100, billingCadence: "ONE_OFF" })] });
    const shown = card([withSetup], "p", { unitQuantities: { p: 2 } });
    expect(shown.price).toMatchObject({ label: "$8 per seat / month", total: "$16 / month for 2 seats", oneOff: "+ $100 one-time" });
  });
});
