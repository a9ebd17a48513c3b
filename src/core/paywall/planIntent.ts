/**
 * What a plan card's button does for the customer looking at it. One pure function of (plan,
 * customer, selected period and quantity, plans), so the UI never decides in JSX.
 */
import { cachedIn } from "../cachedIn.js";
import type { BillingPeriod, Customer, Plan } from "../contract.js";
import { currentSubscription, hasTrialAvailable, type CurrentSubscription } from "../subscriptions.js";
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

  const ranking = productRanking(plans, plan);
  const current = cachedIn(ranking.current, customer, () => currentSubscription(customer, ranking.plans) ?? null);

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
  const isHigher = !current || ranking.rank.get(plan.id)! > ranking.rank.get(current.plan.id)!;
  if (!isHigher) return "DOWNGRADE";
  return hasTrialAvailable(plan, customer) ? "START_TRIAL" : "UPGRADE";
}

/** One product's plans in the paywall's order, and what is asked of them per card. */
interface ProductRanking {
  plans: Plan[];
  /** Position in `plans` by plan id (a plan listed twice ranks by its first entry). */
  rank: Map<string, number>;
  /** The customer's live subscription among `plans`, `null` for none. */
  current: WeakMap<Customer, CurrentSubscription | null>;
}

function rankingOf(sorted: Plan[]): ProductRanking {
  const rank = new Map<string, number>();
  sorted.forEach((plan, index) => rank.has(plan.id) || rank.set(plan.id, index));
  return { plans: sorted, rank, current: new WeakMap() };
}

/**
 * Every product's ranking, made in one sorted pass per `plans` array and kept while that array
 * lives (react-query hands out the same array until the catalog changes). Every card of a paywall
 * asks for it, so sorting per card made N cards cost O(N² log N).
 */
const rankings = new WeakMap<readonly Plan[], Map<string | undefined, ProductRanking>>();

/** Plans rank within their product only: a customer's plan of another product says nothing here. */
function productRanking(plans: readonly Plan[], plan: Plan): ProductRanking {
  const byProduct = cachedIn(rankings, plans, () => {
    const sortedByProduct = new Map<string | undefined, Plan[]>();
    for (const candidate of sortPlans(plans)) cachedIn(sortedByProduct, candidate.productId, () => []).push(candidate);
    return new Map([...sortedByProduct].map(([productId, sorted]) => [productId, rankingOf(sorted)]));
  });
  const ranking = byProduct.get(plan.productId);
  if (ranking?.rank.has(plan.id)) return ranking;
  // `plans` should hold `plan`; rank it anyway when a caller passed only the others.
  return rankingOf(sortPlans([...(ranking?.plans ?? []), plan]));
}
