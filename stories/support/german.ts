/**
 * The demo catalog in German and EUR, and a German text table for the Paywall: what an app selling
 * in Germany passes as `textOverrides` and `locale="de-DE"`.
 */
import type { Entitlement, PaywallTexts, Plan, Price } from "../../src/index.js";
import { demoPlans } from "../../demo/catalog.js";

const PLAN_NAMES: Record<string, [name: string, description: string]> = {
  "plan-free": ["Kostenlos", "Zum Ausprobieren."],
  "plan-basic": ["Basis", "Für Einzelne, die liefern."],
  "plan-pro": ["Pro", "Für Teams, die zusammenarbeiten."],
  "plan-enterprise": ["Konzern", "Sicherheit, Compliance und feste Ansprechpartner."],
};

const FEATURE_NAMES: Record<string, [name: string, unit?: string, unitPlural?: string]> = {
  projects: ["Projekte", "Projekt", "Projekte"],
  storage: ["Speicher", "GB", "GB"],
  "custom-domain": ["Eigene Domain"],
  sso: ["Single Sign-on"],
  "audit-log": ["Audit-Protokoll"],
  sla: ["99,99 % Verfügbarkeit (SLA)"],
};

function inGerman(entitlement: Entitlement): Entitlement {
  const [displayName, units, unitsPlural] = FEATURE_NAMES[entitlement.featureId] ?? [entitlement.displayName];
  return { ...entitlement, displayName, ...(units && { units }), ...(unitsPlural && { unitsPlural }) };
}

function inEuro(price: Price): Price {
  const seats = price.feature && { ...price.feature, units: "Platz", unitsPlural: "Plätze" };
  return { ...price, currency: "EUR", ...(seats && { feature: seats }) };
}

export const germanPlans: Plan[] = demoPlans.map((plan) => {
  const [displayName, description] = PLAN_NAMES[plan.id] ?? [plan.displayName, plan.description];
  return {
    ...plan,
    displayName,
    description,
    pricePoints: plan.pricePoints.map(inEuro),
    entitlements: plan.entitlements.map(inGerman),
    compatibleAddons: plan.compatibleAddons?.map((addon) => ({ ...addon, pricePoints: addon.pricePoints.map(inEuro) })),
  };
});

export const germanTexts: Partial<PaywallTexts> = {
  monthly: "Monatlich",
  annually: "Jährlich",
  periodSwitchLabel: "Zahlungsintervall",
  savings: ({ percent }) => `Spare ${percent} %`,
  plansLabel: "Tarife",
  perMonth: "/ Monat",
  perYear: "/ Jahr",
  billedAnnually: ({ total }) => `bei jährlicher Zahlung (${total})`,
  perUnit: ({ unit }) => `je ${unit}`,
  totalForQuantity: ({ total, quantity, units }) => `${total} für ${quantity} ${units}`,
  free: "Kostenlos",
  custom: "Preis auf Anfrage",
  usageBased: "nach Nutzung",
  defaultUnit: "Einheit",
  defaultUnitPlural: "Einheiten",
  trial: ({ duration, units }) => `${duration} ${units === "DAY" ? "Tage" : "Monate"} kostenlos testen`,
  currentPlanBadge: "Ihr Tarif",
  highlightedBadge: "Empfohlen",
  basePlanPrefix: ({ planName }) => `Alles aus ${planName}, plus:`,
  entitlementIncluded: ({ name }) => name,
  entitlementUnlimited: ({ name }) => `${name}: unbegrenzt`,
  entitlementLimit: ({ limit, units }) => `${limit} ${units}`,
  startTrialButton: "Kostenlos testen",
  upgradeButton: "Jetzt wechseln",
  downgradeButton: "Zurückstufen",
  currentPlanButton: "Ihr Tarif",
  switchBillingPeriodButton: ({ periodName }) => `${periodName} zahlen`,
  changeUnitQuantityButton: ({ units }) => `${units ?? "Anzahl"} anpassen`,
  contactSalesButton: "Vertrieb kontaktieren",
  signUpButton: "Konto anlegen",
  buttonAriaLabel: ({ label, planName }) => `${label}: ${planName}`,
  quantityLabel: ({ units }) => `Anzahl ${units}`,
  decreaseQuantity: ({ units }) => `${units} verringern`,
  increaseQuantity: ({ units }) => `${units} erhöhen`,
  loading: "Tarife werden geladen…",
  error: "Die Tarife konnten nicht geladen werden",
  retry: "Nochmal versuchen",
  empty: "Keine Tarife verfügbar",
  finishing: "Ihr Tarifwechsel wird abgeschlossen…",
  provisionError: ({ message }) => `Der Wechsel ist fehlgeschlagen: ${message}`,
  redirecting: "Die Kasse wird geöffnet…",
};
