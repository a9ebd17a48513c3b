/** How much paying annually saves, for the "Save 20%" next to the period switch. */
import type { Plan, Price } from "../contract.js";
import { isOneOff, pricesTotal } from "./priceTotal.js";
import { unitQuantityRange } from "./unitQuantity.js";

/**
 * The largest saving of annual over monthly billing among `plans`, as a whole percent, rounded
 * down so the paywall never promises more than it gives. Each plan compares what a period costs
 * in all: its recurring prices added up (a flat fee plus seats), for the smallest quantity it
 * sells, in one currency. One-off fees are paid either way, and usage is billed as it accrues, so
 * neither counts. `null` when no plan has both periods or none saves at least 1%.
 */
export function annualSavingsPercent(plans: readonly Plan[]): number | null {
  let best = 0;
  for (const plan of plans) {
    const monthly = charged(plan.pricePoints, "MONTHLY");
    const currency = monthly[0]?.currency.toUpperCase();
    const annual = charged(plan.pricePoints, "ANNUALLY").filter((price) => price.currency.toUpperCase() === currency);
    if (annual.length === 0 || monthly.some((price) => price.currency.toUpperCase() !== currency)) continue;
    // A price per seat next to a flat one says nothing (one side billed per seat, the other not).
    if (models(monthly) !== models(annual)) continue;
    const unitPrice = monthly.find((price) => price.pricingModel === "PER_UNIT");
    const quantity = unitPrice ? unitQuantityRange(unitPrice).min : 1;
    const perMonth = pricesTotal(monthly, quantity);
    if (perMonth <= 0) continue;
    best = Math.max(best, (perMonth - pricesTotal(annual, quantity) / 12) / perMonth);
  }
  // The epsilon keeps float noise from flooring an exact 29% (0.29 * 100 = 28.999…) to 28.
  const percent = Math.floor(best * 100 + 1e-9);
  return percent > 0 ? percent : null;
}

function charged(prices: readonly Price[], period: Price["billingPeriod"]): Price[] {
  return prices.filter(
    (price) => price.billingPeriod === period && !isOneOff(price) && price.pricingModel !== "USAGE_BASED",
  );
}

/** "FLAT_FEE+PER_UNIT": which kinds of charge a period has. */
function models(prices: readonly Price[]): string {
  return [...new Set(prices.map((price) => price.pricingModel))].sort().join("+");
}
