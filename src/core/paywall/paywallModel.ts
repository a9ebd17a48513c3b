/**
 * Everything a Paywall renders, computed in one pure call: the period switch, the savings note and
 * one card model per plan with its texts ready. The UI maps this to elements and owns only the
 * user's choices (selected period, quantities), which it passes back in.
 */
import type { BillingPeriod, Customer, Plan } from "../contract.js";
import { annualSavingsPercent, annualSavingsUniform, planAnnualSavingsPercent } from "./annualSavings.js";
import { billingPeriodsOffered, effectiveBillingPeriod } from "./billingPeriods.js";
import { currentSubscription, hasTrialAvailable } from "../subscriptions.js";
import { entitlementText } from "./entitlementText.js";
import { planButtonLabel } from "./planButtonLabel.js";
import { isActionable, planIntent, type PlanIntent } from "./planIntent.js";
import { planUnitPrice } from "./planPrice.js";
import { formatMoney } from "./formatMoney.js";
import { pricePointsText, priceText, type PriceText } from "./priceText.js";
import { priceUnits, unitsFor } from "./priceUnits.js";
import { billingPeriodName, defaultPaywallTexts, text, type PaywallTexts } from "./texts.js";
import { clampUnitQuantity, unitQuantityRange } from "./unitQuantity.js";
import { visiblePlans } from "./visiblePlans.js";

export interface PaywallModelInput {
  /** All plans from `GET /plans`, hidden ones included (they still rank the customer's plan). */
  plans: readonly Plan[];
  /** `null` or `undefined`: nobody is signed in. */
  customer?: Customer | null;
  productId?: string;
  hiddenPlanIds?: readonly string[];
  /** The period the user picked; `undefined` until they touch the switch. */
  billingPeriod?: BillingPeriod;
  /** The app's default period, used until the user picks one. */
  preferredBillingPeriod?: BillingPeriod;
  highlightedPlanId?: string;
  /** Quantities the user picked, by plan id, for per-unit plans. */
  unitQuantities?: Readonly<Record<string, number>>;
  /** BCP 47 locale for money and numbers, e.g. "en-US". */
  locale: string;
  /** Defaults to `defaultPaywallTexts`; see `resolveTexts` for partial overrides. */
  texts?: PaywallTexts;
}

export interface BillingPeriodOption {
  billingPeriod: BillingPeriod;
  /** "Monthly", "Annually". */
  label: string;
}

export interface UnitQuantityModel {
  value: number;
  min: number;
  /** `undefined`: no upper bound. */
  max: number | undefined;
  /** "seats", agreeing with `value`. */
  unitLabel: string;
  /** Accessible names of the stepper's input and buttons. */
  label: string;
  /** "From 1 to 50 seats.": said when a typed quantity was changed to fit. */
  limitsText: string;
  decreaseLabel: string;
  increaseLabel: string;
}

export interface EntitlementLine {
  featureId: string;
  text: string;
  /** false: the plan lists the feature as not included (drawn muted, after the included ones). */
  included: boolean;
}

export interface AddonLine {
  addonId: string;
  /** "Onboarding: $100 one-time". */
  text: string;
}

export interface PlanCardModel {
  plan: Plan;
  intent: PlanIntent;
  /** False for CURRENT_PLAN: render the button disabled. */
  actionable: boolean;
  /** The customer has a live subscription to this plan. */
  isCurrent: boolean;
  isHighlighted: boolean;
  /** "Current plan" or "Most popular"; the current plan's badge wins. */
  badge?: string;
  price: PriceText;
  /** "Save 20% with annual billing" (or "You save 20% over monthly"), when this plan's annual price saves. */
  savingsText?: string;
  /** "14-day free trial", when the button starts one (or signing up would). */
  trialText?: string;
  /** "Everything in Basic, plus:" when the plan builds on another. */
  basePlanText?: string;
  /** Included features first, then the ones the plan lists as not included. */
  entitlements: EntitlementLine[];
  /** The plan's compatible add-ons with their prices, for the selected period. */
  addons: AddonLine[];
  /** Said by screen readers before each not-included feature ("Not included:"). */
  notIncludedLabel: string;
  /** Heading of `addons`. */
  addonsHeading: string;
  /** For per-unit plans: the stepper's state. */
  unitQuantity?: UnitQuantityModel;
  buttonLabel: string;
  /** Names the plan too, since several cards share one button label. */
  buttonAriaLabel: string;
}

export interface PaywallModel {
  /** The periods to offer in the switch, MONTHLY first; fewer than two: hide the switch. */
  periods: BillingPeriodOption[];
  /** The period shown: the user's pick while offered, else the default. */
  billingPeriod: BillingPeriod;
  /** Best annual saving in whole percent, `null` when there is none. */
  savingsPercent: number | null;
  /** "Save 20%", or "Save up to 20%" when plans save different amounts; when `savingsPercent` is not null. */
  savingsText?: string;
  cards: PlanCardModel[];
}

export function buildPaywallModel(input: PaywallModelInput): PaywallModel {
  return buildModel(input, planCard);
}

/** What every card is computed from, besides its plan and its quantity: every other `CardContext` field. */
const SHARED_CARD_INPUTS = ["plans", "customer", "billingPeriod", "highlightedPlanId", "locale", "texts", "currency"] as const satisfies readonly (keyof CardContext)[];

/**
 * `buildPaywallModel` remembering its last cards: a card whose plan, quantity and shared inputs
 * (compared by identity) are those of last time is last time's object, not computed again. A seat
 * change then recomputes one card whatever the catalog's size, and a memoized card component can
 * skip the others. One builder per paywall (usePaywall keeps one per mount).
 */
export function createPaywallModelBuilder(): (input: PaywallModelInput) => PaywallModel {
  let last: { context: CardContext; cards: Map<Plan, PlanCardModel> } | undefined;
  return (input) => {
    const cards = new Map<Plan, PlanCardModel>();
    let context: CardContext | undefined;
    let sameShared = false;
    const model = buildModel(input, (plan, cardContext) => {
      if (context !== cardContext) {
        context = cardContext;
        sameShared = last !== undefined && SHARED_CARD_INPUTS.every((key) => last!.context[key] === cardContext[key]);
      }
      const previous =
        sameShared && last!.context.unitQuantities?.[plan.id] === cardContext.unitQuantities?.[plan.id] ? last!.cards.get(plan) : undefined;
      const card = previous ?? planCard(plan, cardContext);
      cards.set(plan, card);
      return card;
    });
    if (context) last = { context, cards };
    return model;
  };
}

function buildModel(input: PaywallModelInput, cardOf: (plan: Plan, context: CardContext) => PlanCardModel): PaywallModel {
  const { plans, customer } = input;
  const texts = input.texts ?? defaultPaywallTexts;
  const shown = visiblePlans(plans, {
    productId: input.productId,
    hiddenPlanIds: input.hiddenPlanIds,
  });
  const billingPeriod = effectiveBillingPeriod(input.billingPeriod, {
    plans: shown,
    customer,
    preferredBillingPeriod: input.preferredBillingPeriod,
  });
  const savingsPercent = annualSavingsPercent(shown);
  const context: CardContext = {
    plans,
    customer: customer ?? null,
    billingPeriod,
    highlightedPlanId: input.highlightedPlanId,
    unitQuantities: input.unitQuantities,
    locale: input.locale,
    texts,
    currency: shown.find((plan) => plan.pricePoints.length > 0)?.pricePoints[0]?.currency,
  };

  return {
    periods: billingPeriodsOffered(shown).map((period) => ({
      billingPeriod: period,
      label: billingPeriodName(texts, period),
    })),
    billingPeriod,
    savingsPercent,
    ...(savingsPercent !== null && {
      savingsText: text(annualSavingsUniform(shown) ? texts.savings : texts.savingsUpTo, { percent: savingsPercent }),
    }),
    cards: shown.map((plan) => cardOf(plan, context)),
  };
}

interface CardContext {
  plans: readonly Plan[];
  customer: Customer | null;
  billingPeriod: BillingPeriod;
  highlightedPlanId?: string;
  unitQuantities?: Readonly<Record<string, number>>;
  locale: string;
  texts: PaywallTexts;
  /** The catalog's currency (its first price's), for "$0" on a free plan named "Free". */
  currency: string | undefined;
}

function planCard(plan: Plan, context: CardContext): PlanCardModel {
  const { plans, customer, billingPeriod, locale, texts } = context;
  const subscription = currentSubscription(customer, [plan])?.subscription;
  const isCurrent = subscription !== undefined;
  // From data only: the app's prop, else the plan's own metadata (set in Stigg's plan metadata).
  const isHighlighted =
    context.highlightedPlanId !== undefined ? plan.id === context.highlightedPlanId : plan.metadata?.highlighted === "true";

  const perUnitPrice = plan.pricingType === "PAID" ? planUnitPrice(plan, billingPeriod) : undefined;
  const units = perUnitPrice && priceUnits(perUnitPrice, texts);
  let unitQuantity: UnitQuantityModel | undefined;
  if (perUnitPrice && units) {
    const range = unitQuantityRange(perUnitPrice);
    // The customer's own quantity first, so an unchanged stepper means "no change".
    const value = clampUnitQuantity(
      context.unitQuantities?.[plan.id] ?? subscription?.unitQuantity ?? range.min,
      range,
    );
    unitQuantity = {
      value,
      ...range,
      unitLabel: unitsFor(value, units),
      label: text(texts.quantityLabel, { units: units.plural }),
      limitsText: text(texts.quantityLimits, { min: range.min, max: range.max ?? null, units: units.plural }),
      decreaseLabel: text(texts.decreaseQuantity, { units: units.plural }),
      increaseLabel: text(texts.increaseQuantity, { units: units.plural }),
    };
  }

  const intent = planIntent({
    plan,
    customer,
    plans,
    billingPeriod,
    unitQuantity: unitQuantity?.value,
  });
  const buttonLabel = planButtonLabel(
    intent,
    {
      planName: plan.displayName,
      period: billingPeriod,
      periodName: billingPeriodName(texts, billingPeriod),
      ...(units && { units: units.plural }),
    },
    texts,
  );

  const saving = plan.pricingType === "PAID" ? planAnnualSavingsPercent(plan) : null;
  const showsTrial =
    intent === "START_TRIAL" || (intent === "SIGN_UP" && hasTrialAvailable(plan, customer));
  const basePlan = plan.basePlanId
    ? plans.find((candidate) => candidate.id === plan.basePlanId)
    : undefined;
  const badge = isCurrent
    ? text(texts.currentPlanBadge)
    : isHighlighted
      ? text(texts.highlightedBadge)
      : undefined;

  return {
    plan,
    intent,
    actionable: isActionable(intent),
    isCurrent,
    isHighlighted,
    ...(badge !== undefined && { badge }),
    price: freePriceBesideItsName(plan, priceText(plan, billingPeriod, { locale, texts, unitQuantity: unitQuantity?.value }), context),
    ...(saving && { savingsText: text(texts.planSavings, { percent: saving, billingPeriod }) }),
    ...(showsTrial &&
      plan.defaultTrialConfig && { trialText: text(texts.trial, plan.defaultTrialConfig) }),
    ...(basePlan && {
      basePlanText: text(texts.basePlanPrefix, { planName: basePlan.displayName }),
    }),
    entitlements: plan.entitlements
      .map((entitlement) => ({
        featureId: entitlement.featureId,
        text: entitlementText(entitlement, { locale, texts }),
        included: entitlement.isGranted !== false,
      }))
      // Stable: each group keeps the backend's order.
      .sort((a, b) => Number(b.included) - Number(a.included)),
    addons: (plan.compatibleAddons ?? []).flatMap((addon) => {
      const price = pricePointsText(addon.pricePoints, billingPeriod, { locale, texts });
      return price ? [{ addonId: addon.id, text: text(texts.addonLine, { name: addon.displayName, price: price.label }) }] : [];
    }),
    notIncludedLabel: text(texts.notIncluded),
    addonsHeading: text(texts.addonsHeading),
    ...(unitQuantity && { unitQuantity }),
    buttonLabel,
    buttonAriaLabel: text(texts.buttonAriaLabel, {
      label: buttonLabel,
      planName: plan.displayName,
    }),
  };
}

/**
 * A free plan named "Free" would say "Free" twice, as name and as price: its price then reads
 * "$0 / month" in the catalog's currency, as Stripe's and Clerk's pricing tables show it.
 */
function freePriceBesideItsName(plan: Plan, price: PriceText, { currency, locale, texts }: CardContext): PriceText {
  if (price.kind !== "free" || !currency || price.amount.toLowerCase() !== plan.displayName.trim().toLowerCase()) return price;
  const amount = formatMoney(0, currency, locale);
  const period = text(texts.perMonth);
  return { ...price, amount, period, label: `${amount} ${period}` };
}
