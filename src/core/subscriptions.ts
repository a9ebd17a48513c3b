/** What a customer's subscriptions say: which one is live, which plan they are on, which trials are left. */
import type { BillingPeriod, Customer, Plan, Subscription, SubscriptionAddon, SubscriptionStatus } from "./contract.js";

/** Statuses in which the customer has the plan now. PAYMENT_PENDING has not started yet. */
const LIVE_STATUSES: readonly SubscriptionStatus[] = ["ACTIVE", "IN_TRIAL"];

export function isLiveSubscription(subscription: Subscription): boolean {
  return LIVE_STATUSES.includes(subscription.status);
}

export interface CurrentSubscription {
  subscription: Subscription;
  plan: Plan;
}

/**
 * The customer's live (ACTIVE or IN_TRIAL) subscription to one of `plans`, with its plan. Pass
 * one product's plans: a customer has at most one live subscription per product. Should a backend
 * report several anyway, the latest started wins.
 */
export function currentSubscription(
  customer: Customer | null | undefined,
  plans: readonly Plan[],
): CurrentSubscription | undefined {
  if (!customer) return undefined;
  let current: CurrentSubscription | undefined;
  for (const subscription of customer.subscriptions) {
    if (!isLiveSubscription(subscription)) continue;
    const plan = plans.find((candidate) => candidate.id === subscription.planId);
    if (!plan) continue;
    if (!current || startTime(subscription) > startTime(current.subscription)) {
      current = { subscription, plan };
    }
  }
  return current;
}

function startTime(subscription: Subscription): number {
  const time = Date.parse(subscription.startDate);
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
}

/** The paid plan offers a trial and the customer has not had one on it. */
export function hasTrialAvailable(plan: Plan, customer: Customer | null | undefined): boolean {
  if (plan.pricingType !== "PAID") return false;
  if (!plan.defaultTrialConfig || plan.defaultTrialConfig.duration <= 0) return false;
  return !customer?.trialedPlanIds?.includes(plan.id);
}

export interface PurchaseSelection {
  planId: string;
  billingPeriod?: BillingPeriod;
  unitQuantity?: number;
  addons?: readonly SubscriptionAddon[];
}

/**
 * Whether buying `selection` would change nothing: a live subscription is on its plan, and on
 * each of its period, quantity and add-ons that it names. A button for it has nothing to do.
 */
export function isCurrentPurchase(customer: Customer | null | undefined, selection: PurchaseSelection): boolean {
  return (customer?.subscriptions ?? []).some(
    (subscription) =>
      isLiveSubscription(subscription) &&
      subscription.planId === selection.planId &&
      (selection.billingPeriod === undefined || subscription.billingPeriod === selection.billingPeriod) &&
      (selection.unitQuantity === undefined || subscription.unitQuantity === selection.unitQuantity) &&
      (selection.addons === undefined || sameAddons(subscription.addons ?? [], selection.addons)),
  );
}

function sameAddons(bought: readonly SubscriptionAddon[], wanted: readonly SubscriptionAddon[]): boolean {
  return (
    bought.length === wanted.length &&
    wanted.every((addon) => bought.some((owned) => owned.addonId === addon.addonId && owned.quantity === addon.quantity))
  );
}
