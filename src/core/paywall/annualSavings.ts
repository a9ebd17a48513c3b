/** How much paying annually saves: per plan for its card, the best for the period switch. */
import type { Plan, Price } from "../contract.js";
import { isOneOff, pricesTotal } from "./priceTotal.js";
import { unitQuantityRange } from "./unitQuantity.js";

/**
 * The saving of annual over monthly billing on `plan`, as a whole percent, rounded down so the
 * paywall never promises more than it gives: 0 when annual costs as much or more, `null` when
 * the two cannot be compared (not both periods, other currencies, seats on one side only). What
 * a period costs is its recurring prices added up (a flat fee plus seats), for the smallest
 * quantity the plan sells. One-off fees are paid either way, and usage is billed as it accrues,
 * so neither counts.
 */
export function planAnnualSavingsPercent(plan: Plan): number | null {
  const monthly = charged(plan.pricePoints, "MONTHLY");
  const currency = monthly[0]?.currency.toUpperCase();
  const annual = charged(plan.pricePoints, "ANNUALLY").filter((price) => price.currency.toUpperCase() === currency);
  if (annual.length === 0 || monthly.some((price) => price.currency.toUpperCase() !== currency)) return null;
  // A price per seat next to a flat one says nothing (one side billed per seat, the other not).
  if (models(monthly) !== models(annual)) return null;
  const unitPrice = monthly.find((price) => price.pricingModel === "PER_UNIT");
  const quantity = unitPrice ? unitQuantityRange(unitPrice).min : 1;
  const perMonth = pricesTotal(monthly, quantity);
  if (perMonth <= 0) return null;
  const saving = (perMonth - pricesTotal(annual, quantity) / 12) / perMonth;
  // The epsilon keeps float noise from flooring an exact 29% (0.29 * 100 = 28.999…) to 28.
  return Math.max(0, Math.floor(saving * 100 + 1e-9));
}

/** The largest saving among `plans` (see `planAnnualSavingsPercent`); `null` when none saves 1%. */
export function annualSavingsPercent(plans: readonly Plan[]): number | null {
  const best = Math.max(0, ...plans.map((plan) => planAnnualSavingsPercent(plan) ?? 0));
  return best > 0 ? best : null;
}

/**
 * Whether every plan that offers both periods saves the same: then the switch can say "Save 20%";
 * otherwise only "Save up to 20%" is true of every plan.
 */
export function annualSavingsUniform(plans: readonly Plan[]): boolean {
  const percents = new Set(plans.map(planAnnualSavingsPercent).filter((percent) => percent !== null));
  return percents.size <= 1;
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
