/**
 * `textOverrides` can turn every visible English word of the Paywall into another language: with a
 * German text table and a German catalog in EUR, no English word of the library is left, neither in
 * the text nor in accessible names.
 */
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { defaultPaywallTexts, Paywall, type PaywallTexts, type Plan } from "../../src/index.js";
import { renderWithProvider } from "../support/render.js";
import { createTestUpgradeServer } from "../support/upgradeServer.js";

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

const german: PaywallTexts = {
  monthly: "Monatlich",
  annually: "Jährlich",
  periodSwitchLabel: "Abrechnungszeitraum",
  savings: ({ percent }) => `${percent} % sparen`,
  plansLabel: "Tarife",
  perMonth: "/ Monat",
  perYear: "/ Jahr",
  billedAnnually: ({ total }) => `jährliche Abrechnung (${total})`,
  perUnit: ({ unit }) => `pro ${unit}`,
  totalForQuantity: ({ total, quantity, units }) => `${total} für ${quantity} ${units}`,
  free: "Kostenlos",
  custom: "Individueller Preis",
  usageBased: "nach Verbrauch",
  defaultUnit: "Einheit",
  defaultUnitPlural: "Einheiten",
  trial: ({ duration, units }) => `${duration} ${units === "DAY" ? "Tage" : "Monate"} gratis testen`,
  currentPlanBadge: "Aktueller Tarif",
  highlightedBadge: "Beliebt",
  basePlanPrefix: ({ planName }) => `Alles aus ${planName}, dazu:`,
  entitlementIncluded: ({ name }) => name,
  entitlementUnlimited: ({ name }) => `${name} unbegrenzt`,
  entitlementLimit: ({ limit, units }) => `${limit} ${units}`,
  startTrialButton: "Gratis testen",
  upgradeButton: "Wechseln",
  downgradeButton: "Herabstufen",
  currentPlanButton: "Aktueller Tarif",
  switchBillingPeriodButton: ({ periodName }) => `Zu ${periodName} wechseln`,
  changeUnitQuantityButton: ({ units }) => `${units ?? "Menge"} ändern`,
  contactSalesButton: "Vertrieb kontaktieren",
  signUpButton: "Registrieren",
  buttonAriaLabel: ({ label, planName }) => `${label}: ${planName}`,
  quantityLabel: ({ units }) => `Anzahl ${units}`,
  decreaseQuantity: ({ units }) => `Weniger ${units}`,
  increaseQuantity: ({ units }) => `Mehr ${units}`,
  loading: "Tarife werden geladen…",
  error: "Tarife konnten nicht geladen werden",
  retry: "Erneut versuchen",
  empty: "Keine Tarife verfügbar",
  finishing: "Ihr Wechsel wird abgeschlossen…",
  checkoutPending: "Ihre Zahlung wird bestätigt. Ihr neuer Tarif erscheint gleich hier.",
  provisionError: ({ message }) => `Der Wechsel konnte nicht gestartet werden: ${message}`,
  redirecting: "Kasse wird geöffnet…",
};

/** Every English word the default texts can produce. */
const englishWords = /\b(Monthly|Annually|Billing|period|Save|Plans|month|year|billed|annually|per|Free|Custom|pricing|usage|unit|units|trial|day|Current|plan|Most|popular|Everything|plus|Unlimited|Start|Upgrade|Downgrade|Switch|Update|Contact|sales|Sign|up|Number|Fewer|More|Loading|Could|Try|again|No|available|Finishing|Opening|checkout|payment|being|confirmed|appear|shortly)\b/;

const { server, backend } = createTestUpgradeServer({
  plans: germanPlans,
  customers: [{ id: "customer-1", subscriptions: [{ id: "s", planId: "frei", status: "ACTIVE", startDate: "2026-01-01T00:00:00.000Z" }] }],
});
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  server.resetHandlers();
  backend.reset();
});
afterAll(() => server.close());

function visibleAndAccessibleText(root: HTMLElement): string {
  const labels = Array.from(root.querySelectorAll("[aria-label]"), (element) => element.getAttribute("aria-label"));
  return [root.textContent, ...labels].join(" | ");
}

describe("textOverrides", () => {
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
    expect(monthly).toContain("Wechseln: Basis");

    await user.click(screen.getByRole("radio", { name: /Jährlich/ }));
    const annual = visibleAndAccessibleText(container);
    expect(annual).not.toMatch(englishWords);
    expect(annual).toContain("jährliche Abrechnung (96\u00a0€)");
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
