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
  sso: ["Einmalanmeldung (SSO)"],
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

/**
 * Every Paywall text in German: the one table the German story and the translation test
 * (test/components/PaywallTranslation.test.tsx) use. Typed as the full `PaywallTexts`, so a text the
 * library adds fails the type check until it is translated here. Strings with `{placeholders}` where
 * no logic is needed (they could come from a JSON file); functions for choices.
 */
export const germanTexts: PaywallTexts = {
  monthly: "Monatlich",
  annually: "Jährlich",
  periodSwitchLabel: "Abrechnungszeitraum",
  savings: "{percent} % sparen",
  plansLabel: "Tarife",
  perMonth: "/ Monat",
  perYear: "/ Jahr",
  billedAnnually: "bei jährlicher Zahlung ({total})",
  perUnit: "je {unit}",
  perBlock: "je {size} {units}",
  flatPlusUnit: "{flat} + {unit}",
  fromPrice: "ab {amount}",
  oneTime: "einmalig",
  oneOffFee: "+ {price} einmalig",
  usageOnTop: "+ {price} nach Verbrauch",
  totalForQuantity: "{total} für {quantity} {units}",
  free: "Kostenlos",
  custom: "Preis auf Anfrage",
  usageBased: "nach Verbrauch",
  defaultUnit: "Einheit",
  defaultUnitPlural: "Einheiten",
  trial: ({ duration, units }) =>
    `${duration} ${units === "DAY" ? (duration === 1 ? "Tag" : "Tage") : duration === 1 ? "Monat" : "Monate"} kostenlos testen`,
  currentPlanBadge: "Aktueller Tarif",
  highlightedBadge: "Beliebt",
  basePlanPrefix: "Alles aus {planName}, dazu:",
  entitlementIncluded: "{name}",
  entitlementUnlimited: ({ name, units, unitsNameFeature }) => `${unitsNameFeature ? units : name}: unbegrenzt`,
  entitlementLimit: ({ name, limit, units, unitsNameFeature }) => (unitsNameFeature ? `${limit} ${units}` : `${name}: ${limit} ${units}`),
  entitlementValues: "{name}: {values}",
  notIncluded: "Nicht enthalten:",
  addonsHeading: "Zusatzoptionen",
  addonLine: "{name}: {price}",
  startTrialButton: "Kostenlos testen",
  upgradeButton: "Jetzt wechseln",
  downgradeButton: "Zurückstufen",
  currentPlanButton: "Aktueller Tarif",
  switchBillingPeriodButton: "{periodName} zahlen",
  changeUnitQuantityButton: ({ units }) => `${units ?? "Anzahl"} ändern`,
  contactSalesButton: "Vertrieb kontaktieren",
  signUpButton: "Registrieren",
  buttonAriaLabel: "{label}: {planName}",
  quantityLabel: "Anzahl {units}",
  decreaseQuantity: "Weniger {units}",
  increaseQuantity: "Mehr {units}",
  quantityLimits: ({ min, max, units }) => (max === null ? `Mindestens ${min} ${units}.` : `Von ${min} bis ${max} ${units}.`),
  loading: "Tarife werden geladen…",
  error: "Die Tarife konnten nicht geladen werden",
  retry: "Erneut versuchen",
  empty: "Keine Tarife verfügbar",
  finishing: "Ihr Tarifwechsel wird abgeschlossen…",
  checkoutUnconfirmed: "Ihre Zahlung wird bestätigt. Ihr neuer Tarif erscheint gleich hier.",
  provisionError: ({ message }) =>
    message
      ? `Der Wechsel konnte nicht gestartet werden: ${message}`
      : "Der Wechsel konnte nicht gestartet werden. Bitte versuchen Sie es erneut.",
  provisioning: "Einen Moment…",
  redirecting: "Die Kasse wird geöffnet…",
  savingsUpTo: "Bis zu {percent} % sparen",
  planSavings: ({ percent, billingPeriod }) =>
    billingPeriod === "ANNUALLY" ? `Sie sparen ${percent} % gegenüber monatlich` : `${percent} % sparen bei jährlicher Zahlung`,
  planUpdated: "Erledigt: Sie nutzen jetzt {planName}.",
};
