/**
 * Every string a paywall shows, in one typed table, so an app can translate or reword any of them.
 * Each entry is a `TextValue`: a string, whose `{name}` placeholders are filled from the text's
 * arguments ("Save {percent}%"), or a function of those arguments for texts that need logic
 * (plurals, choices). Strings alone cover most translations, so they can come from JSON files.
 * Defaults are English.
 */
import type { BillingPeriod, TrialUnits } from "../contract.js";

/**
 * A text: a string (with `{name}` placeholders for the fields of `Args`), or built from `Args` by a
 * function. Texts without arguments take `void`.
 */
export type TextValue<Args = void> = string | ((args: Args) => string);

/** Arguments given to every button label, so any of them can name the plan or the period. */
export interface ButtonTextArgs {
  planName: string;
  /** The billing period selected in the paywall. */
  period: BillingPeriod;
  /** `period` as the paywall names it (the `monthly` / `annually` texts). */
  periodName: string;
  /** Plural unit name ("seats") when the plan is priced per unit. */
  units?: string;
}

export interface PaywallTexts {
  // Billing period switch
  monthly: TextValue;
  annually: TextValue;
  /** Accessible name of the period switch. */
  periodSwitchLabel: TextValue;
  /** Shown next to the switch when paying annually is cheaper, by as much on every plan. */
  savings: TextValue<{ percent: number }>;
  /** Shown next to the switch instead when plans save different amounts (`percent`: the best). */
  savingsUpTo: TextValue<{ percent: number }>;
  /** On a card whose annual price saves: `billingPeriod` is the one shown. */
  planSavings: TextValue<{ percent: number; billingPeriod: BillingPeriod }>;

  /** Accessible name of the list of plan cards. */
  plansLabel: TextValue;

  // Prices
  perMonth: TextValue;
  perYear: TextValue;
  /** Under an annual price shown per month; `total` is what one annual payment costs. */
  billedAnnually: TextValue<{ total: string }>;
  /** `unit` is the singular unit name ("seat"). */
  perUnit: TextValue<{ unit: string }>;
  /** A per-unit price sold in blocks ("per 5 seats"); `units` is the plural unit name. */
  perBlock: TextValue<{ size: number; units: string }>;
  /** A flat fee and a per-unit price of one period, which add up: `flat` "$20", `unit` "$8". */
  flatPlusUnit: TextValue<{ flat: string; unit: string }>;
  /** Where a tiered price starts; `amount` is the first tier's price. */
  fromPrice: TextValue<{ amount: string }>;
  /** The period of a price charged once, at purchase. */
  oneTime: TextValue;
  /** A one-off fee next to a recurring price; `price` is "$100" or "$10 per seat". */
  oneOffFee: TextValue<{ price: string }>;
  /** A usage-based price next to others; `price` is "$0.01 per call". */
  usageOnTop: TextValue<{ price: string }>;
  /** A per-unit price multiplied out; `total` already carries its period ("$50 / month"). */
  totalForQuantity: TextValue<{ total: string; quantity: number; units: string }>;
  free: TextValue;
  custom: TextValue;
  /** Under a usage-based price. */
  usageBased: TextValue;
  /** Unit names for prices whose feature names none. */
  defaultUnit: TextValue;
  defaultUnitPlural: TextValue;

  // Card
  trial: TextValue<{ duration: number; units: TrialUnits }>;
  currentPlanBadge: TextValue;
  highlightedBadge: TextValue;
  basePlanPrefix: TextValue<{ planName: string }>;
  /** A BOOLEAN entitlement, a NUMBER one without a limit, an ENUM one without values. */
  entitlementIncluded: TextValue<{ name: string }>;
  /**
   * `units` is the plural unit name ("projects"), or the feature's name when it has none.
   * `unitsNameFeature`: the units say what the feature is ("projects" of Projects); when they do
   * not ("GB" of Storage) the default names the feature too ("Storage: unlimited").
   */
  entitlementUnlimited: TextValue<{ name: string; units: string; unitsNameFeature: boolean }>;
  /** `limit` is `count` formatted for the locale ("10,000"); `units` agrees with `count`. */
  entitlementLimit: TextValue<{ name: string; count: number; limit: string; units: string; unitsNameFeature: boolean }>;
  /** An ENUM entitlement; `values` is `list` joined with ", " ("EU, US"). */
  entitlementValues: TextValue<{ name: string; values: string; list: readonly string[] }>;
  /** Read by screen readers before a feature the plan lists as not included. */
  notIncluded: TextValue;
  /** Heading of a card's add-ons list. */
  addonsHeading: TextValue;
  /** One add-on line; `price` is its price label ("$100 one-time"). */
  addonLine: TextValue<{ name: string; price: string }>;

  // Buttons, one per PlanIntent
  startTrialButton: TextValue<ButtonTextArgs>;
  upgradeButton: TextValue<ButtonTextArgs>;
  downgradeButton: TextValue<ButtonTextArgs>;
  currentPlanButton: TextValue<ButtonTextArgs>;
  switchBillingPeriodButton: TextValue<ButtonTextArgs>;
  changeUnitQuantityButton: TextValue<ButtonTextArgs>;
  contactSalesButton: TextValue<ButtonTextArgs>;
  signUpButton: TextValue<ButtonTextArgs>;
  /** The button's accessible name: the visible label alone does not say which card it is on. */
  buttonAriaLabel: TextValue<{ label: string; planName: string }>;

  // Unit quantity stepper; `units` is the plural unit name
  quantityLabel: TextValue<{ units: string }>;
  decreaseQuantity: TextValue<{ units: string }>;
  increaseQuantity: TextValue<{ units: string }>;
  /** Said when the stepper changed a typed quantity to fit: the plan's limits. `max` null: none. */
  quantityLimits: TextValue<{ min: number; max: number | null; units: string }>;

  // Paywall states
  loading: TextValue;
  error: TextValue;
  retry: TextValue;
  empty: TextValue;
  /** While the app confirms a checkout that came back. */
  finishing: TextValue;
  /** The checkout came back but the plan is not live yet after the wait (webhook lag). */
  checkoutUnconfirmed: TextValue;
  /**
   * A provision failed. `message` is the backend's own message for the user (an error answer with
   * a code, e.g. "Your card was declined"), or "" when no answer came (network, timeout...): the
   * library's messages are for developers and name URLs. `code` is the `UpgradeError` code.
   */
  provisionError: TextValue<{ code: string; message: string }>;
  /** Under the clicked button while its request runs (it may end in a checkout or a change made at once). */
  provisioning: TextValue;
  /** Under the clicked button while the checkout page is being opened. */
  redirecting: TextValue;
  /** After a change made at once, without a checkout (seats, period, a free plan). */
  planUpdated: TextValue<{ planName: string }>;
}

/** What the user can do about a failed provision no backend message explains, by `UpgradeError` code. */
const PROVISION_ERROR_HINTS: Partial<Record<string, string>> = {
  NETWORK: "Check your connection and try again.",
  TIMEOUT: "The server took too long to answer. Please try again.",
  INVALID_RESPONSE: "Please try again in a moment.",
  CHECKOUT_URL_REJECTED: "Please contact support.",
};

export const defaultPaywallTexts: PaywallTexts = {
  monthly: "Monthly",
  annually: "Annually",
  periodSwitchLabel: "Billing period",
  savings: "Save {percent}%",
  savingsUpTo: "Save up to {percent}%",
  planSavings: ({ percent, billingPeriod }) =>
    billingPeriod === "ANNUALLY" ? `You save ${percent}% over monthly` : `Save ${percent}% with annual billing`,

  plansLabel: "Plans",
  perMonth: "/ month",
  perYear: "/ year",
  billedAnnually: "billed annually ({total})",
  perUnit: "per {unit}",
  perBlock: "per {size} {units}",
  flatPlusUnit: "{flat} + {unit}",
  fromPrice: "From {amount}",
  oneTime: "one-time",
  oneOffFee: "+ {price} one-time",
  usageOnTop: "+ {price}, billed by usage",
  totalForQuantity: "{total} for {quantity} {units}",
  free: "Free",
  custom: "Custom pricing",
  usageBased: "billed by usage",
  defaultUnit: "unit",
  defaultUnitPlural: "units",

  trial: ({ duration, units }) => `${duration}-${units === "DAY" ? "day" : "month"} free trial`,
  currentPlanBadge: "Current plan",
  highlightedBadge: "Most popular",
  basePlanPrefix: "Everything in {planName}, plus:",
  entitlementIncluded: "{name}",
  entitlementUnlimited: ({ name, units, unitsNameFeature }) => (unitsNameFeature ? `Unlimited ${units}` : `${name}: unlimited`),
  entitlementLimit: ({ name, limit, units, unitsNameFeature }) => (unitsNameFeature ? `${limit} ${units}` : `${name}: ${limit} ${units}`),
  entitlementValues: "{name}: {values}",
  notIncluded: "Not included:",
  addonsHeading: "Add-ons",
  addonLine: "{name}: {price}",

  startTrialButton: "Start free trial",
  upgradeButton: "Upgrade",
  downgradeButton: "Downgrade",
  currentPlanButton: "Current plan",
  switchBillingPeriodButton: ({ period }) => `Switch to ${period === "ANNUALLY" ? "annual" : "monthly"} billing`,
  changeUnitQuantityButton: ({ units }) => `Update ${units ?? "quantity"}`,
  contactSalesButton: "Contact sales",
  signUpButton: "Sign up",
  buttonAriaLabel: "{label}: {planName}",

  quantityLabel: "Number of {units}",
  decreaseQuantity: "Fewer {units}",
  increaseQuantity: "More {units}",
  quantityLimits: ({ min, max, units }) => (max === null ? `At least ${min} ${units}.` : `From ${min} to ${max} ${units}.`),

  loading: "Loading plans…",
  error: "Could not load plans",
  retry: "Try again",
  empty: "No plans available",
  finishing: "Finishing your upgrade…",
  checkoutUnconfirmed: "Your payment is being confirmed. Your new plan will appear here shortly.",
  provisionError: ({ code, message }) =>
    message ? `The upgrade could not be started: ${message}` : `The upgrade could not be started. ${PROVISION_ERROR_HINTS[code] ?? "Please try again."}`,
  provisioning: "One moment…",
  redirecting: "Opening checkout…",
  planUpdated: "Done: you're on {planName}.",
};

/**
 * A texts table with `overrides` on top; an override set to `undefined` keeps the default. Every
 * texts table of the library (paywall, feature gate, checkout dialog) is merged this way.
 */
export function withOverrides<T extends object>(defaults: T, overrides?: Partial<T>): T {
  if (!overrides) return defaults;
  // Key by key rather than `{ ...defaults, ...overrides }`, which would let `{ free: undefined }`
  // erase a text.
  const resolved: Record<string, unknown> = { ...(defaults as Record<string, unknown>) };
  for (const [key, value] of Object.entries(overrides)) if (value !== undefined) resolved[key] = value;
  return resolved as T;
}

/** The paywall's defaults with `overrides` on top (see `withOverrides`). */
export function resolveTexts(overrides?: Partial<PaywallTexts>): PaywallTexts {
  return withOverrides(defaultPaywallTexts, overrides);
}

/** The string of a text: calls it with `args` when it is a function. */
export function text(value: TextValue): string;
export function text<Args>(value: TextValue<Args>, args: Args): string;
export function text<Args>(value: TextValue<Args>, args?: Args): string {
  if (typeof value === "function") return value(args as Args);
  // A placeholder the arguments do not fill stays as written.
  const fields = Object(args) as Record<string, unknown>;
  return value.replace(/\{(\w+)\}/g, (placeholder, name: string) => (Object.hasOwn(fields, name) ? String(fields[name]) : placeholder));
}

/** What the paywall calls a billing period ("Monthly"). */
export function billingPeriodName(texts: PaywallTexts, period: BillingPeriod): string {
  return text(period === "MONTHLY" ? texts.monthly : texts.annually);
}
