/**
 * `textOverrides` can turn every visible English word of the Paywall into another language: with a
 * German text table and a German catalog in EUR, no English word of the library is left, neither in
 * the text nor in accessible names. The table is the stories' (stories/support/german.ts), so the
 * German story shows what this test checks.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { defaultPaywallTexts, Paywall, type Plan } from "../../src/index.js";
import { germanPlans as storyPlans, germanTexts as german } from "../../stories/support/german.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer, serveDuringTests } from "../support/upgradeServer.js";

const eur = (billingPeriod: "MONTHLY" | "ANNUALLY", amount: number, perSeat = false) => ({
  billingPeriod,
  pricingModel: perSeat ? ("PER_UNIT" as const) : ("FLAT_FEE" as const),
  amount,
  currency: "EUR",
  ...(perSeat && { feature: { featureId: "seats", units: "Platz", unitsPlural: "Plätze" }, minUnitQuantity: 1, maxUnitQuantity: 20 }),
});

const germanPlans: Plan[] = [
  { id: "frei", displayName: "Frei", order: 0, pricingType: "FREE", pricePoints: [], entitlements: [{ featureId: "projekte", displayName: "Projekte", featureType: "NUMBER", usageLimit: 3, units: "Projekt", unitsPlural: "Projekte" }] },
  { id: "basis", displayName: "Basis", order: 1, pricingType: "PAID", basePlanId: "frei", pricePoints: [eur("MONTHLY", 10), eur("ANNUALLY", 96)], entitlements: [{ featureId: "projekte", displayName: "Projekte", featureType: "NUMBER", isUnlimited: true, units: "Projekt", unitsPlural: "Projekte" }] },
  { id: "team", displayName: "Team", order: 2, pricingType: "PAID", defaultTrialConfig: { duration: 14, units: "DAY" }, pricePoints: [eur("MONTHLY", 12, true), eur("ANNUALLY", 120, true)], entitlements: [{ featureId: "sso", displayName: "Einmalanmeldung", featureType: "BOOLEAN" }] },
  { id: "konzern", displayName: "Konzern", order: 3, pricingType: "CUSTOM", pricePoints: [], entitlements: [] },
];

/** Every English word the default texts can produce. */
const englishWords = /\b(Monthly|Annually|Billing|period|Save|Plans|month|year|billed|annually|per|Free|Custom|pricing|usage|unit|units|trial|day|Current|plan|Most|popular|Everything|plus|Unlimited|Start|Upgrade|Downgrade|Switch|Update|Contact|sales|Sign|up|Number|Fewer|More|Loading|Could|Try|again|No|available|Finishing|Opening|checkout|payment|being|confirmed|appear|shortly)\b/;

const customerOn = (planId: string) => ({
  id: "customer-1",
  subscriptions: [{ id: "s", planId, status: "ACTIVE" as const, startDate: "2026-01-01T00:00:00.000Z" }],
});

function visibleAndAccessibleText(root: HTMLElement): string {
  const labels = Array.from(root.querySelectorAll("[aria-label]"), (element) => element.getAttribute("aria-label"));
  return [root.textContent, ...labels].join(" | ");
}

describe("textOverrides", () => {
  serveDuringTests(createTestUpgradeServer({ plans: germanPlans, customers: [customerOn("frei")] }));

  it("the German table overrides every default text key", () => {
    expect(Object.keys(german).sort()).toEqual(Object.keys(defaultPaywallTexts).sort());
  });

  it("leaves no English word in the paywall, monthly and annual, in de-DE with EUR", async () => {
    const user = userEvent.setup();
    const { container } = renderWithProvider(<Paywall textOverrides={german} locale="de-DE" highlightedPlanId="team" />);
    await screen.findByRole("radiogroup", { name: "Abrechnungszeitraum" });
    const monthly = visibleAndAccessibleText(container);
    expect(monthly).not.toMatch(englishWords);
    expect(monthly).toContain("10\u00a0€ / Monat");
    expect(monthly).toContain("20 % sparen");
    expect(monthly).toContain("Jetzt wechseln: Basis");

    await user.click(screen.getByRole("radio", { name: /Jährlich/ }));
    const annual = visibleAndAccessibleText(container);
    expect(annual).not.toMatch(englishWords);
    expect(annual).toContain("bei jährlicher Zahlung (96\u00a0€)");
  });

  it("the English defaults do match the detector (so the check above can fail)", async () => {
    const { container } = renderWithProvider(<Paywall locale="de-DE" />);
    await screen.findByRole("radiogroup");
    expect(visibleAndAccessibleText(container)).toMatch(englishWords);
  });

  it("states are translated too", async () => {
    renderWithProvider(<Paywall textOverrides={german} productId="none" />);
    expect(screen.getByRole("status").textContent).toBe("Tarife werden geladen…");
    expect(await screen.findByText("Keine Tarife verfügbar")).toBeTruthy();
  });
});

describe("the German story (stories/support/german.ts: the demo catalog in German)", () => {
  serveDuringTests(createTestUpgradeServer({ plans: storyPlans, customers: [customerOn("plan-free")] }));

  it("leaves no English word either, monthly and annual", async () => {
    const user = userEvent.setup();
    const { container } = renderWithProvider(<Paywall textOverrides={german} locale="de-DE" highlightedPlanId="plan-pro" />);
    await screen.findByRole("article", { name: "Konzern" });
    expect(visibleAndAccessibleText(container)).not.toMatch(englishWords);
    await user.click(screen.getByRole("radio", { name: /Jährlich/ }));
    expect(visibleAndAccessibleText(container)).not.toMatch(englishWords);
  });
});
