/** The billing periods a paywall offers, and which one it opens on. */
import { BILLING_PERIODS, type BillingPeriod, type Customer, type Plan } from "../contract.js";
import { currentSubscription } from "../subscriptions.js";
import { planOffersPeriod } from "./planPrice.js";
import { isOneOff } from "./priceTotal.js";

/**
 * The periods any of `plans` has a recurring price point for (one-off fees have none), in the
 * contract's order (MONTHLY first) whatever order the plans list them in.
 */
export function billingPeriodsOffered(plans: readonly Plan[]): BillingPeriod[] {
  return BILLING_PERIODS.filter((period) => plans.some((plan) => planOffersPeriod(plan, period)));
}

export interface DefaultBillingPeriodInput {
  /** The plans the paywall shows. */
  plans: readonly Plan[];
  customer?: Customer | null;
  /** The app's choice; wins when offered. */
  preferredBillingPeriod?: BillingPeriod;
}

/**
 * The period a paywall opens on, the first that applies:
 * 1. `preferredBillingPeriod`, when offered;
 * 2. the period of the customer's live subscription to one of `plans`, when offered, so a
 *    customer sees what they pay now;
 * 3. the period most of the paid plans' price points are in; MONTHLY on a tie or when no plan has
 *    a price (a paywall of FREE and CUSTOM plans shows no period anyway).
 */
export function defaultBillingPeriod(input: DefaultBillingPeriodInput): BillingPeriod {
  const { plans, customer, preferredBillingPeriod } = input;
  const offered = billingPeriodsOffered(plans);

  if (preferredBillingPeriod && offered.includes(preferredBillingPeriod)) {
    return preferredBillingPeriod;
  }

  const subscribedPeriod = currentSubscription(customer, plans)?.subscription.billingPeriod;
  if (subscribedPeriod && offered.includes(subscribedPeriod)) return subscribedPeriod;

  let monthly = 0;
  let annually = 0;
  for (const plan of plans) {
    if (plan.pricingType !== "PAID") continue;
    for (const price of plan.pricePoints) {
      if (isOneOff(price)) continue;
      if (price.billingPeriod === "MONTHLY") monthly += 1;
      else annually += 1;
    }
  }
  return annually > monthly ? "ANNUALLY" : "MONTHLY";
}

/**
 * The period to show: the user's `selected` one while it is still offered (plans can change under
 * a refetch), else the default.
 */
export function effectiveBillingPeriod(
  selected: BillingPeriod | undefined,
  input: DefaultBillingPeriodInput,
): BillingPeriod {
  if (selected && billingPeriodsOffered(input.plans).includes(selected)) return selected;
  return defaultBillingPeriod(input);
}
