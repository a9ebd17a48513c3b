/**
 * What a plan card's button does for the customer looking at it. One pure function of (plan,
 * customer, selected period and quantity, plans), so the UI never decides in JSX.
 */
import type { BillingPeriod, Customer, Plan } from "../contract.js";
import { currentSubscription, hasTrialAvailable } from "../subscriptions.js";
import { planOffersPeriod, planUnitPrice } from "./planPrice.js";
import { unitQuantityRange } from "./unitQuantity.js";
import { sortPlans } from "./visiblePlans.js";

export type PlanIntent =
  /** A higher plan with a trial the customer has not used. */
  | "START_TRIAL"
  | "UPGRADE"
  | "DOWNGRADE"
  /** The customer's plan, at the selected period and quantity: nothing to do. */
  | "CURRENT_PLAN"
  /** The customer's plan, at the other billing period. */
  | "SWITCH_BILLING_PERIOD"
  /** The customer's per-unit plan, at another quantity. */
  | "CHANGE_UNIT_QUANTITY"
  /** A CUSTOM plan: sold by people, not by the paywall. */
  | "CONTACT_SALES"
  /** No customer yet (signed-out visitor). */
  | "SIGN_UP";

export const PLAN_INTENTS: readonly PlanIntent[] = [
  "START_TRIAL",
  "UPGRADE",
  "DOWNGRADE",
  "CURRENT_PLAN",
  "SWITCH_BILLING_PERIOD",
  "CHANGE_UNIT_QUANTITY",
  "CONTACT_SALES",
  "SIGN_UP",
];

/** Whether the button does something; a CURRENT_PLAN button is shown disabled. */
export function isActionable(intent: PlanIntent): boolean {
  return intent !== "CURRENT_PLAN";
}

export interface PlanIntentInput {
  plan: Plan;
  /** `null` or `undefined`: nobody is signed in. */
  customer: Customer | null | undefined;
  /** All plans, hidden ones too: a customer on a hidden (e.g. legacy) plan still ranks by it. */
  plans: readonly Plan[];
  /** The period selected in the paywall. */
  billingPeriod: BillingPeriod;
  /** The quantity selected on the card, for per-unit plans. */
  unitQuantity?: number;
}

export function planIntent(input: PlanIntentInput): PlanIntent {
  const { plan, customer, plans, billingPeriod, unitQuantity } = input;
  if (!customer) return plan.pricingType === "CUSTOM" ? "CONTACT_SALES" : "SIGN_UP";

  // Plans rank within their product only: a customer's plan of another product says nothing here.
  const sameProduct = plans.filter((candidate) => candidate.productId === plan.productId);
  // `plans` should hold `plan`; rank it anyway when a caller passed only the others.
  const includesPlan = sameProduct.some((candidate) => candidate.id === plan.id);
  const productPlans = sortPlans(includesPlan ? sameProduct : [...sameProduct, plan]);
  const current = currentSubscription(customer, productPlans);

  // Checked before CUSTOM: a customer on a custom plan is on it, not a sales lead for it.
  if (current?.plan.id === plan.id) {
    const { subscription } = current;
    if (
      subscription.billingPeriod !== undefined &&
      subscription.billingPeriod !== billingPeriod &&
      planOffersPeriod(plan, billingPeriod)
    ) {
      return "SWITCH_BILLING_PERIOD";
    }
    const price = planUnitPrice(plan, billingPeriod);
    if (price && unitQuantity !== undefined) {
      const subscribed = subscription.unitQuantity ?? unitQuantityRange(price).min;
      if (unitQuantity !== subscribed) return "CHANGE_UNIT_QUANTITY";
    }
    return "CURRENT_PLAN";
  }

  if (plan.pricingType === "CUSTOM") return "CONTACT_SALES";

  // Without a live subscription the customer stands below every plan, so everything is an
  // upgrade. Rank is the paywall's own order, which also settles plans with equal `order`.
  const rank = (target: Plan) => productPlans.findIndex((candidate) => candidate.id === target.id);
  const isHigher = !current || rank(plan) > rank(current.plan);
  if (!isHigher) return "DOWNGRADE";
  return hasTrialAvailable(plan, customer) ? "START_TRIAL" : "UPGRADE";
}
