import { describe, expect, it } from "vitest";
import type { Customer, Plan } from "../../../src/core/contract.js";
import {
  buildPaywallModel,
  createPaywallModelBuilder,
  resolveTexts,
  type PaywallModel,
  type PaywallModelInput,
  type PlanCardModel,
} from "../../../src/core/paywall/index.js";
import {
  NBSP,
  basic,
  free,
  allPlans,
  appPlans,
  customer,
  inEuros,
  subscription,
} from "./fixtures.js";

/** What a user reads on a card. */
function seen(card: PlanCardModel) {
  return {
    plan: card.plan.displayName,
    badge: card.badge,
    price: card.price.label,
    note: card.price.note,
    total: card.price.total,
    trial: card.trialText,
    basePlan: card.basePlanText,
    features: card.entitlements.map((line) => line.text),
    quantity: card.unitQuantity && `${card.unitQuantity.value} ${card.unitQuantity.unitLabel}`,
    button: card.buttonLabel,
    buttonAriaLabel: card.buttonAriaLabel,
    disabled: !card.actionable,
  };
}

function cardFor(model: PaywallModel, planId: string): PlanCardModel {
  const card = model.cards.find((candidate) => candidate.plan.id === planId);
  if (!card) throw new Error(`no card for ${planId}`);
  return card;
}

const base: PaywallModelInput = { plans: allPlans, productId: "app", locale: "en-US" };

describe("buildPaywallModel for a visitor, en-US, USD", () => {
  const model = buildPaywallModel({ ...base, customer: null, highlightedPlanId: "team" });

  it("offers both periods, monthly by default, and the saving of annual", () => {
    expect(model.periods).toEqual([
      { billingPeriod: "MONTHLY", label: "Monthly" },
      { billingPeriod: "ANNUALLY", label: "Annually" },
    ]);
    expect(model.billingPeriod).toBe("MONTHLY");
    expect(model.savingsPercent).toBe(20);
    // Basic saves 20% and Team 16%: "Save 20%" would promise Team's buyers too much.
    expect(model.savingsText).toBe("Save up to 20%");
    expect(cardFor(model, "basic").savingsText).toBe("Save 20% with annual billing");
    expect(cardFor(model, "team").savingsText).toBe("Save 16% with annual billing");
    expect(cardFor(model, "free").savingsText).toBeUndefined();
    const annual = buildPaywallModel({ ...base, customer: null, billingPeriod: "ANNUALLY" });
    expect(cardFor(annual, "team").savingsText).toBe("You save 16% over monthly");
  });

  it("says \"Save 20%\" when every plan with both periods saves the same", () => {
    const model = buildPaywallModel({ ...base, customer: null, plans: [free, basic] });
    expect(model.savingsText).toBe("Save 20%");
  });

  it("shows the product's visible plans in order, each with what it costs and gives", () => {
    expect(model.cards.map(seen)).toEqual([
      {
        plan: "Free",
        badge: undefined,
        // Not "Free" under the name "Free": the catalog's currency at zero.
        price: "$0 / month",
        note: undefined,
        total: undefined,
        trial: undefined,
        basePlan: undefined,
        features: ["3 projects", "Community support"],
        quantity: undefined,
        button: "Sign up",
        buttonAriaLabel: "Sign up: Free",
        disabled: false,
      },
      {
        plan: "Basic",
        badge: undefined,
        price: "$10 / month",
        note: undefined,
        total: undefined,
        trial: "14-day free trial",
        basePlan: "Everything in Free, plus:",
        features: ["Unlimited projects", "10,000 API calls"],
        quantity: undefined,
        button: "Sign up",
        buttonAriaLabel: "Sign up: Basic",
        disabled: false,
      },
      {
        plan: "Team",
        badge: "Most popular",
        price: "$12 per seat / month",
        note: undefined,
        total: "$24 / month for 2 seats",
        trial: "1-month free trial",
        basePlan: "Everything in Basic, plus:",
        features: [],
        quantity: "2 seats",
        button: "Sign up",
        buttonAriaLabel: "Sign up: Team",
        disabled: false,
      },
      {
        plan: "Enterprise",
        badge: undefined,
        price: "Custom pricing",
        note: undefined,
        total: undefined,
        trial: undefined,
        basePlan: undefined,
        features: [],
        quantity: undefined,
        button: "Contact sales",
        buttonAriaLabel: "Contact sales: Enterprise",
        disabled: false,
      },
    ]);
  });

  it("a free plan not named \"Free\" keeps the word as its price", () => {
    const starter = buildPaywallModel({ ...base, customer: null, plans: [{ ...free, displayName: "Starter" }, basic] });
    expect(cardFor(starter, "free").price.label).toBe("Free");
  });

  it("labels and bounds the seat stepper", () => {
    expect(cardFor(model, "team").unitQuantity).toEqual({
      value: 2,
      min: 2,
      max: 50,
      unitLabel: "seats",
      label: "Number of seats",
      decreaseLabel: "Fewer seats",
      increaseLabel: "More seats",
      limitsText: "From 2 to 50 seats.",
    });
  });

  it("shows annual prices per month once the user picks annual billing", () => {
    const annual = buildPaywallModel({ ...base, customer: null, billingPeriod: "ANNUALLY" });
    expect(annual.billingPeriod).toBe("ANNUALLY");
    expect(annual.cards.map(({ price }) => [price.label, price.note, price.total])).toEqual([
      ["$0 / month", undefined, undefined],
      ["$8 / month", "billed annually ($96)", undefined],
      ["$10 per seat / month", "billed annually ($240)", "$20 / month for 2 seats"],
      ["Custom pricing", undefined, undefined],
    ]);
  });
});

describe("buildPaywallModel for a customer on Team, de-DE, EUR", () => {
  const eurPlans: Plan[] = allPlans.map(inEuros);
  const onTeam: Customer = customer([
    subscription("team", { billingPeriod: "ANNUALLY", unitQuantity: 5 }),
  ]);
  const input: PaywallModelInput = {
    plans: eurPlans,
    customer: onTeam,
    productId: "app",
    highlightedPlanId: "team",
    locale: "de-DE",
  };

  it("opens on the customer's period and seats, the current plan disabled", () => {
    const model = buildPaywallModel(input);
    expect(model.billingPeriod).toBe("ANNUALLY");
    expect(seen(cardFor(model, "team"))).toEqual({
      plan: "Team",
      badge: "Current plan",
      price: `10${NBSP}€ per seat / month`,
      note: `billed annually (600${NBSP}€)`,
      total: `50${NBSP}€ / month for 5 seats`,
      trial: undefined,
      basePlan: "Everything in Basic, plus:",
      features: [],
      quantity: "5 seats",
      button: "Current plan",
      buttonAriaLabel: "Current plan: Team",
      disabled: true,
    });
    expect(cardFor(model, "team")).toMatchObject({ isCurrent: true, isHighlighted: true });
    expect(model.cards.map((card) => card.buttonLabel)).toEqual([
      "Downgrade",
      "Downgrade",
      "Current plan",
      "Contact sales",
    ]);
    expect(seen(cardFor(model, "basic"))).toMatchObject({
      price: `8${NBSP}€ / month`,
      note: `billed annually (96${NBSP}€)`,
      trial: undefined,
      features: ["Unlimited projects", "10.000 API calls"],
    });
  });

  it("offers to update the seats once the user changes them", () => {
    const model = buildPaywallModel({ ...input, unitQuantities: { team: 7 } });
    expect(seen(cardFor(model, "team"))).toMatchObject({
      quantity: "7 seats",
      total: `70${NBSP}€ / month for 7 seats`,
      button: "Update seats",
      buttonAriaLabel: "Update seats: Team",
      disabled: false,
    });
  });

  it("offers to switch to monthly billing when the user picks monthly", () => {
    const model = buildPaywallModel({ ...input, billingPeriod: "MONTHLY" });
    expect(seen(cardFor(model, "team"))).toMatchObject({
      price: `12${NBSP}€ per seat / month`,
      total: `60${NBSP}€ / month for 5 seats`,
      button: "Switch to monthly billing",
    });
  });

  it("prefers the app's preferred period to the customer's", () => {
    expect(buildPaywallModel({ ...input, preferredBillingPeriod: "MONTHLY" }).billingPeriod).toBe(
      "MONTHLY",
    );
  });

  it("shows every text in the app's language when given", () => {
    const german = resolveTexts({
      monthly: "Monatlich",
      annually: "Jährlich",
      savings: ({ percent }) => `${percent} % sparen`,
      savingsUpTo: ({ percent }) => `Bis zu ${percent} % sparen`,
      perMonth: "/ Monat",
      perUnit: ({ unit }) => `pro ${unit}`,
      billedAnnually: ({ total }) => `jährlich abgerechnet (${total})`,
      totalForQuantity: ({ total, quantity }) => `${total} für ${quantity} Plätze`,
      currentPlanBadge: "Aktueller Tarif",
      currentPlanButton: "Aktueller Tarif",
      downgradeButton: ({ planName }) => `Zu ${planName} wechseln`,
      buttonAriaLabel: ({ label }) => label,
    });
    const model = buildPaywallModel({ ...input, texts: german });
    expect(model.periods.map((period) => period.label)).toEqual(["Monatlich", "Jährlich"]);
    expect(model.savingsText).toBe("Bis zu 20 % sparen");
    expect(seen(cardFor(model, "team"))).toMatchObject({
      badge: "Aktueller Tarif",
      price: `10${NBSP}€ pro seat / Monat`,
      note: `jährlich abgerechnet (600${NBSP}€)`,
      total: `50${NBSP}€ / Monat für 5 Plätze`,
      button: "Aktueller Tarif",
    });
    expect(seen(cardFor(model, "basic"))).toMatchObject({
      button: "Zu Basic wechseln",
      buttonAriaLabel: "Zu Basic wechseln",
    });
  });
});

describe("buildPaywallModel", () => {
  it("starts a trial from a customer without a plan, and badges the highlighted plan", () => {
    const model = buildPaywallModel({ ...base, customer: customer(), highlightedPlanId: "basic" });
    const shown = model.cards.map((card) => [card.buttonLabel, card.trialText, card.badge]);
    expect(shown).toEqual([
      ["Upgrade", undefined, undefined],
      ["Start free trial", "14-day free trial", "Most popular"],
      ["Start free trial", "1-month free trial", undefined],
      ["Contact sales", undefined, undefined],
    ]);
  });

  it("keeps chosen quantities within the price's bounds", () => {
    const quantity = (team: number) =>
      cardFor(buildPaywallModel({ ...base, unitQuantities: { team } }), "team").unitQuantity?.value;
    expect(quantity(0)).toBe(2);
    expect(quantity(100)).toBe(50);
    expect(quantity(2.6)).toBe(3);
  });

  it("falls back to the default period when the picked one is not offered", () => {
    const api = buildPaywallModel({ ...base, productId: "api", billingPeriod: "ANNUALLY" });
    expect(api.periods.map((period) => period.billingPeriod)).toEqual(["MONTHLY"]);
    expect(api.billingPeriod).toBe("MONTHLY");
    expect(api.savingsPercent).toBeNull();
    expect(api.savingsText).toBeUndefined();
    expect(seen(api.cards[0]!)).toMatchObject({ price: "$0.01 per call", note: "billed by usage" });
  });

  it("shows all products' plans without a productId, hidden ones left out", () => {
    const model = buildPaywallModel({ plans: allPlans, locale: "en-US", hiddenPlanIds: ["free"] });
    expect(model.cards.map((card) => card.plan.id)).toEqual(["api", "basic", "team", "enterprise"]);
  });

  it("builds an empty paywall from no plans", () => {
    expect(buildPaywallModel({ plans: [], locale: "en-US" })).toEqual({
      periods: [],
      billingPeriod: "MONTHLY",
      savingsPercent: null,
      cards: [],
    });
  });

  it("ranks against a customer's hidden plan", () => {
    const model = buildPaywallModel({
      plans: appPlans,
      customer: customer([subscription("legacy")], { trialedPlanIds: ["team"] }),
      locale: "en-US",
    });
    expect(model.cards.map((card) => [card.plan.id, card.intent])).toEqual([
      ["free", "DOWNGRADE"],
      ["basic", "DOWNGRADE"],
      ["team", "UPGRADE"],
      ["enterprise", "CONTACT_SALES"],
    ]);
  });
});

describe("createPaywallModelBuilder: a seat change recomputes one card", () => {
  const base: PaywallModelInput = { plans: appPlans, customer: customer([subscription("basic")]), locale: "en-US" };

  it("keeps every other card's object and gives the changed card the new quantity, as a fresh build would", () => {
    const build = createPaywallModelBuilder();
    const before = build(base);
    const after = build({ ...base, unitQuantities: { team: 7 } });
    for (const card of after.cards) {
      if (card.plan.id === "team") expect(card).not.toBe(cardFor(before, "team"));
      else expect(card).toBe(cardFor(before, card.plan.id));
    }
    expect(seen(cardFor(after, "team"))).toEqual(seen(cardFor(buildPaywallModel({ ...base, unitQuantities: { team: 7 } }), "team")));
    expect(cardFor(after, "team").unitQuantity?.value).toBe(7);
  });

  it("a free card follows the currency of the plans shown, when hiddenPlanIds changes which they are", () => {
    const build = createPaywallModelBuilder();
    const plans = [free, basic, { ...inEuros(basic), id: "basic-eur", order: basic.order + 1 }];
    const withDollars = build({ ...base, plans, hiddenPlanIds: ["basic-eur"] });
    expect(cardFor(withDollars, "free").price.label).toBe("$0 / month");
    const withEuros = build({ ...base, plans, hiddenPlanIds: ["basic"] });
    expect(cardFor(withEuros, "free").price.label).toBe("€0 / month");
  });

  it("recomputes every card when what all cards show changes: the period, the customer, the locale", () => {
    const build = createPaywallModelBuilder();
    for (const change of [{ billingPeriod: "ANNUALLY" as const }, { customer: customer([subscription("team")]) }, { locale: "de-DE" }]) {
      const previous = build(base);
      const next = build({ ...base, ...change });
      expect(next.cards.map((card) => seen(card))).toEqual(buildPaywallModel({ ...base, ...change }).cards.map((card) => seen(card)));
      for (const card of next.cards) expect(card).not.toBe(cardFor(previous, card.plan.id));
    }
  });
});
