/**
 * The price point a plan is shown and sold at for a billing period. A plan priced for one period
 * only is shown at that period's price whatever the switch says, rather than vanishing.
 */
import type { BillingPeriod, Plan, Price } from "../contract.js";

export function otherBillingPeriod(period: BillingPeriod): BillingPeriod {
  return period === "MONTHLY" ? "ANNUALLY" : "MONTHLY";
}

/** Whether the plan has a price point for exactly `period`. */
export function planOffersPeriod(plan: Plan, period: BillingPeriod): boolean {
  return plan.pricePoints.some((price) => price.billingPeriod === period);
}

/**
 * The plan's first price point for `period`, else its first for the other period; `undefined`
 * when it has none (FREE and CUSTOM plans). When a plan has several price points for a period
 * the backend's first one is the one shown.
 */
export function planPrice(plan: Plan, period: BillingPeriod): Price | undefined {
  return (
    plan.pricePoints.find((price) => price.billingPeriod === period) ??
    plan.pricePoints.find((price) => price.billingPeriod === otherBillingPeriod(period))
  );
}
