/** The subscription a customer is on now, among a set of plans. */
import type { Customer, Plan, Subscription, SubscriptionStatus } from "../contract.js";

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
