import type { Customer, Plan, Subscription } from "../src/index.js";

export interface LiveSubscription {
  subscription: Subscription;
  plan: Plan | undefined;
}

/** The customer's subscription that is running now (active or in trial), with its plan. */
export function liveSubscription(customer: Customer | null | undefined, plans: Plan[] | undefined): LiveSubscription | undefined {
  const subscription = customer?.subscriptions.findLast((candidate) => candidate.status === "ACTIVE" || candidate.status === "IN_TRIAL");
  if (!subscription) return undefined;
  return { subscription, plan: plans?.find((plan) => plan.id === subscription.planId) };
}
