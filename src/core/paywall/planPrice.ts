/**
 * The price points a plan (or add-on) is shown and sold at for a billing period. A plan priced for
 * one period only is shown at that period's prices whatever the switch says, rather than vanishing.
 */
import type { BillingPeriod, Plan, Price } from "../contract.js";
import { isOneOff } from "./priceTotal.js";

export function otherBillingPeriod(period: BillingPeriod): BillingPeriod {
  return period === "MONTHLY" ? "ANNUALLY" : "MONTHLY";
}

/** Whether the plan has a recurring price point for exactly `period` (one-off fees have no period). */
export function planOffersPeriod(plan: { readonly pricePoints: readonly Price[] }, period: BillingPeriod): boolean {
  return plan.pricePoints.some((price) => price.billingPeriod === period && !isOneOff(price));
}

export interface PeriodPrices {
  /** The period `recurring` is billed in: the one asked for, else the one the plan has. */
  billingPeriod: BillingPeriod;
  /** Charged every period and adding up: flat fees, per-unit and usage-based prices. */
  recurring: Price[];
  /** Charged once, at purchase. */
  oneOff: Price[];
  /** The currency of all of them (a price in another one is left out). */
  currency: string;
}

/**
 * The prices of `period`, else of the other period; `undefined` when there are none (FREE and
 * CUSTOM plans). One-off fees do not depend on the period, and a backend may list them under one
 * period only, so they come from the other period when `period` has none.
 */
export function periodPrices(pricePoints: readonly Price[], period: BillingPeriod): PeriodPrices | undefined {
  const inPeriod = (wanted: BillingPeriod, oneOff: boolean) =>
    pricePoints.filter((price) => price.billingPeriod === wanted && isOneOff(price) === oneOff);
  const billingPeriod = inPeriod(period, false).length > 0 || inPeriod(otherBillingPeriod(period), false).length === 0
    ? period
    : otherBillingPeriod(period);
  const recurring = inPeriod(billingPeriod, false);
  const ownOneOff = inPeriod(billingPeriod, true);
  const oneOff = ownOneOff.length > 0 ? ownOneOff : inPeriod(otherBillingPeriod(billingPeriod), true);
  const first = recurring[0] ?? oneOff[0];
  if (!first) return undefined;
  const currency = first.currency.toUpperCase();
  const same = (price: Price) => price.currency.toUpperCase() === currency;
  return {
    billingPeriod: recurring.length > 0 ? billingPeriod : first.billingPeriod,
    recurring: recurring.filter(same),
    oneOff: oneOff.filter(same),
    currency: first.currency,
  };
}

/**
 * The main price point of the plan for `period` (its first recurring one, else its first one-off
 * one); `undefined` when it has none. Prices of one period add up: see `periodPrices` for all.
 */
export function planPrice(plan: Plan, period: BillingPeriod): Price | undefined {
  const prices = periodPrices(plan.pricePoints, period);
  return prices?.recurring[0] ?? prices?.oneOff[0];
}

/**
 * The per-unit price the plan's quantity is bought at for `period` (a stepper on the card); only
 * one, as a subscription has one `unitQuantity`.
 */
export function planUnitPrice(plan: Plan, period: BillingPeriod): Price | undefined {
  const prices = periodPrices(plan.pricePoints, period);
  return [...(prices?.recurring ?? []), ...(prices?.oneOff ?? [])].find((price) => price.pricingModel === "PER_UNIT");
}
