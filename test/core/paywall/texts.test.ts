import { describe, expect, expectTypeOf, it } from "vitest";
import {
  billingPeriodName,
  defaultPaywallTexts,
  resolveTexts,
  text,
  type PaywallTexts,
  type TextValue,
} from "../../../src/core/paywall/texts.js";

describe("paywall texts", () => {
  const texts = defaultPaywallTexts;

  it("has English defaults", () => {
    expect(text(texts.monthly)).toBe("Monthly");
    expect(text(texts.annually)).toBe("Annually");
    expect(text(texts.periodSwitchLabel)).toBe("Billing period");
    expect(text(texts.perMonth)).toBe("/ month");
    expect(text(texts.perYear)).toBe("/ year");
    expect(text(texts.billedAnnually, { total: "$96" })).toBe("billed annually ($96)");
    expect(text(texts.perUnit, { unit: "seat" })).toBe("per seat");
    expect(text(texts.savings, { percent: 20 })).toBe("Save 20%");
    expect(text(texts.free)).toBe("Free");
    expect(text(texts.custom)).toBe("Custom pricing");
    expect(text(texts.trial, { duration: 14, units: "DAY" })).toBe("14-day free trial");
    expect(text(texts.trial, { duration: 1, units: "MONTH" })).toBe("1-month free trial");
    expect(text(texts.currentPlanBadge)).toBe("Current plan");
    expect(text(texts.highlightedBadge)).toBe("Most popular");
    expect(text(texts.basePlanPrefix, { planName: "Basic" })).toBe("Everything in Basic, plus:");
    expect(text(texts.error)).toBe("Could not load plans");
    expect(text(texts.retry)).toBe("Try again");
    expect(text(texts.empty)).toBe("No plans available");
    expect(text(texts.finishing)).toBe("Finishing your upgrade…");
  });

  it("labels every button", () => {
    const args = { planName: "Team", period: "ANNUALLY", periodName: "Annually" } as const;
    expect(text(texts.startTrialButton, args)).toBe("Start free trial");
    expect(text(texts.upgradeButton, args)).toBe("Upgrade");
    expect(text(texts.downgradeButton, args)).toBe("Downgrade");
    expect(text(texts.currentPlanButton, args)).toBe("Current plan");
    expect(text(texts.switchBillingPeriodButton, args)).toBe("Switch to annual billing");
    expect(text(texts.switchBillingPeriodButton, { ...args, period: "MONTHLY" })).toBe(
      "Switch to monthly billing",
    );
    expect(text(texts.changeUnitQuantityButton, { ...args, units: "seats" })).toBe("Update seats");
    expect(text(texts.contactSalesButton, args)).toBe("Contact sales");
    expect(text(texts.signUpButton, args)).toBe("Sign up");
    expect(text(texts.buttonAriaLabel, { label: "Upgrade", planName: "Team" })).toBe(
      "Upgrade: Team",
    );
  });

  it("overrides any text with a string or a function, keeping the other defaults", () => {
    const german = resolveTexts({
      monthly: "Monatlich",
      savings: ({ percent }) => `${percent} % sparen`,
      upgradeButton: ({ planName }) => `Auf ${planName} upgraden`,
      free: undefined,
    });
    expect(billingPeriodName(german, "MONTHLY")).toBe("Monatlich");
    expect(billingPeriodName(german, "ANNUALLY")).toBe("Annually");
    expect(text(german.savings, { percent: 20 })).toBe("20 % sparen");
    expect(
      text(german.upgradeButton, { planName: "Team", period: "MONTHLY", periodName: "Monatlich" }),
    ).toBe("Auf Team upgraden");
    expect(text(german.free)).toBe("Free");
    expect(resolveTexts()).toBe(defaultPaywallTexts);
  });

  it("fills {placeholders} in strings from the text's arguments, so translations can be plain JSON", () => {
    const german = resolveTexts(JSON.parse('{"savings":"{percent} % sparen","totalForQuantity":"{total} für {quantity} {units}"}') as Partial<PaywallTexts>);
    expect(text(german.savings, { percent: 20 })).toBe("20 % sparen");
    expect(text(german.totalForQuantity, { total: "$50", quantity: 5, units: "Plätze" })).toBe("$50 für 5 Plätze");
    // What the arguments do not name stays as written, inherited properties included.
    expect(text("{percent}% {other} {toString}", { percent: 5 })).toBe("5% {other} {toString}");
    expect(text("100% {sure}")).toBe("100% {sure}");
  });

  it("types each text's arguments", () => {
    expectTypeOf<PaywallTexts["savings"]>().toEqualTypeOf<TextValue<{ percent: number }>>();
    // Compiled by tsc, never run: these calls must not type-check.
    const misuses = () => {
      // @ts-expect-error savings takes { percent }, not { total }
      resolveTexts({ savings: ({ total }: { total: string }) => total });
      // @ts-expect-error a text with arguments cannot be read without them
      text(defaultPaywallTexts.savings);
    };
    expect(misuses).toBeTypeOf("function");
  });
});
