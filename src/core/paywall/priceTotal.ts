/**
 * What prices cost for a quantity of units: the arithmetic the paywall's totals and savings, and
 * the memory backend's checkout, share so they never disagree.
 */
import type { Price } from "../contract.js";
import { tieredTotal } from "./tieredPrice.js";

/** Charged once, at purchase, rather than every period. */
export function isOneOff(price: Price): boolean {
  return price.billingCadence === "ONE_OFF";
}

/**
 * One price for `quantity` units: a flat fee as it is; a per-unit price per unit, per block of
 * `blockSize` units (rounded up to whole blocks) or by its tiers. Usage-based prices are billed as
 * usage accrues, so they cost nothing up front.
 */
export function priceTotal(price: Price, quantity: number): number {
  if (price.pricingModel === "FLAT_FEE") return price.amount;
  if (price.pricingModel === "USAGE_BASED") return 0;
  if (price.tiers && price.tiers.length > 0 && price.tiersMode) {
    return tieredTotal(price.tiers, price.tiersMode, quantity);
  }
  const blocks = price.blockSize && price.blockSize > 1 ? Math.ceil(quantity / price.blockSize) : quantity;
  return blocks * price.amount;
}

/** Several prices of one period add up, as the billing system charges them all. */
export function pricesTotal(prices: readonly Price[], quantity: number): number {
  // Not rounded: formatMoney rounds for display, and a sub-cent unit price must not become 0.
  return prices.reduce((sum, price) => sum + priceTotal(price, quantity), 0);
}
