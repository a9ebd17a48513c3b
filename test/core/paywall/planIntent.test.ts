import { describe, expect, it } from "vitest";
import type { BillingPeriod, Customer, Plan } from "../../../src/core/contract.js";
import {
  PLAN_INTENTS,
  isActionable,
  planIntent,
  type PlanIntent,
} from "../../../src/core/paywall/planIntent.js";
import {
  allPlans,
  apiUsage,
  basic,
  customer,
  enterprise,
  free,
  legacy,
  plan,
  price,
  subscription,
  team,
} from "./fixtures.js";

function intents(
  who: Customer | null,
  billingPeriod: BillingPeriod = "MONTHLY",
  plans: Plan[] = allPlans,
): Record<string, PlanIntent> {
  return Object.fromEntries(
    [free, basic, team, enterprise].map((target) => [
      target.id,
      planIntent({ plan: target, customer: who, plans, billingPeriod }),
    ]),
  );
}

describe("planIntent", () => {
  it("asks a visitor to sign up, or to contact sales for a custom plan", () => {
    expect(intents(null)).toEqual({
      free: "SIGN_UP",
      basic: "SIGN_UP",
      team: "SIGN_UP",
      enterprise: "CONTACT_SALES",
    });
  });

  it("puts a customer without a live subscription below every plan", () => {
    expect(intents(customer())).toEqual({
      free: "UPGRADE",
      basic: "START_TRIAL",
      team: "START_TRIAL",
      enterprise: "CONTACT_SALES",
    });
    const lapsed = customer([
      subscription("team", { status: "CANCELED" }),
      subscription("basic", { status: "PAYMENT_PENDING" }),
      subscription("free", { status: "EXPIRED" }),
    ]);
    expect(intents(lapsed).free).toBe("UPGRADE");
  });

  it("offers no second trial of a plan", () => {
    const trialed = customer([], { trialedPlanIds: ["basic"] });
    expect(intents(trialed)).toMatchObject({ basic: "UPGRADE", team: "START_TRIAL" });
  });

  it("ranks plans around the customer's current one", () => {
    const onBasic = customer([subscription("basic")]);
    expect(intents(onBasic)).toEqual({
      free: "DOWNGRADE",
      basic: "CURRENT_PLAN",
      team: "START_TRIAL",
      enterprise: "CONTACT_SALES",
    });
    const trialedTeam = customer([subscription("basic")], { trialedPlanIds: ["team"] });
    expect(intents(trialedTeam).team).toBe("UPGRADE");
  });

  it("downgrades, never trials, a lower plan with a trial", () => {
    const onTeam = customer([subscription("team", { unitQuantity: 5 })]);
    expect(intents(onTeam)).toMatchObject({ free: "DOWNGRADE", basic: "DOWNGRADE" });
  });

  it("counts a plan in trial as the current plan", () => {
    const trialing = customer([subscription("basic", { status: "IN_TRIAL" })]);
    expect(intents(trialing)).toMatchObject({ basic: "CURRENT_PLAN", team: "START_TRIAL" });
  });

  it("offers to switch the current plan's billing period", () => {
    const onBasic = customer([subscription("basic", { billingPeriod: "MONTHLY" })]);
    expect(intents(onBasic, "ANNUALLY").basic).toBe("SWITCH_BILLING_PERIOD");
    const onAnnual = customer([subscription("basic", { billingPeriod: "ANNUALLY" })]);
    expect(intents(onAnnual, "ANNUALLY").basic).toBe("CURRENT_PLAN");
    expect(intents(onAnnual, "MONTHLY").basic).toBe("SWITCH_BILLING_PERIOD");
  });

  it("does not offer a period the current plan is not sold at", () => {
    const monthlyOnly = plan({ id: "monthly-only", order: 5, pricePoints: [price()] });
    const on = customer([subscription("monthly-only", { billingPeriod: "MONTHLY" })]);
    expect(
      planIntent({
        plan: monthlyOnly,
        customer: on,
        plans: [monthlyOnly],
        billingPeriod: "ANNUALLY",
      }),
    ).toBe("CURRENT_PLAN");
  });

  it("offers to change the seats of the current per-seat plan", () => {
    const onTeam = customer([subscription("team", { unitQuantity: 5 })]);
    const teamIntent = (unitQuantity?: number, billingPeriod: BillingPeriod = "MONTHLY") =>
      planIntent({ plan: team, customer: onTeam, plans: allPlans, billingPeriod, unitQuantity });
    expect(teamIntent(5)).toBe("CURRENT_PLAN");
    expect(teamIntent(undefined)).toBe("CURRENT_PLAN");
    expect(teamIntent(6)).toBe("CHANGE_UNIT_QUANTITY");
    // A period switch is the bigger change; it carries the quantity with it.
    expect(teamIntent(6, "ANNUALLY")).toBe("SWITCH_BILLING_PERIOD");
  });

  it("takes a subscription without a quantity to hold the price's minimum", () => {
    const onTeam = customer([subscription("team")]);
    const teamIntent = (unitQuantity: number) =>
      planIntent({
        plan: team,
        customer: onTeam,
        plans: allPlans,
        billingPeriod: "MONTHLY",
        unitQuantity,
      });
    expect(teamIntent(2)).toBe("CURRENT_PLAN");
    expect(teamIntent(3)).toBe("CHANGE_UNIT_QUANTITY");
  });

  it("shows a customer on a custom plan their plan, below it downgrades", () => {
    const onEnterprise = customer([subscription("enterprise", { billingPeriod: undefined })]);
    expect(intents(onEnterprise)).toEqual({
      free: "DOWNGRADE",
      basic: "DOWNGRADE",
      team: "DOWNGRADE",
      enterprise: "CURRENT_PLAN",
    });
  });

  it("ranks by a hidden current plan, breaking equal order by name like the paywall", () => {
    // Legacy has Basic's order; "Basic" sorts before "Legacy", so Basic is below it.
    const onLegacy = customer([subscription("legacy")]);
    expect(intents(onLegacy)).toMatchObject({
      free: "DOWNGRADE",
      basic: "DOWNGRADE",
      team: "START_TRIAL",
    });
    expect(
      planIntent({ plan: legacy, customer: onLegacy, plans: allPlans, billingPeriod: "MONTHLY" }),
    ).toBe("CURRENT_PLAN");
  });

  it("ignores the customer's plans of other products", () => {
    const onApi = customer([subscription("api")]);
    expect(intents(onApi)).toMatchObject({ free: "UPGRADE", basic: "START_TRIAL" });
    expect(
      planIntent({ plan: apiUsage, customer: onApi, plans: allPlans, billingPeriod: "MONTHLY" }),
    ).toBe("CURRENT_PLAN");
  });

  it("ranks a plan missing from `plans` all the same", () => {
    const onBasic = customer([subscription("basic")]);
    expect(
      planIntent({ plan: team, customer: onBasic, plans: [free, basic], billingPeriod: "MONTHLY" }),
    ).toBe("START_TRIAL");
  });
});

describe("isActionable", () => {
  it("is false only for the current plan", () => {
    expect(PLAN_INTENTS.filter((intent) => !isActionable(intent))).toEqual(["CURRENT_PLAN"]);
  });
});
