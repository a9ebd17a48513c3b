/** How much paying annually saves, for the "Save 20%" next to the period switch. */
import type { Plan } from "../contract.js";

/**
 * The largest saving of annual over monthly billing among `plans`, as a whole percent, rounded
 * down so the paywall never promises more than it gives. Only price points with the same pricing
 * model and currency are compared (a per-seat annual price says nothing about a flat monthly one).
 * `null` when no plan has both or none saves at least 1%.
 */
export function annualSavingsPercent(plans: readonly Plan[]): number | null {
  let best = 0;
  for (const plan of plans) {
    for (const monthly of plan.pricePoints) {
      if (monthly.billingPeriod !== "MONTHLY" || monthly.amount <= 0) continue;
      const annual = plan.pricePoints.find(
        (price) =>
          price.billingPeriod === "ANNUALLY" &&
          price.pricingModel === monthly.pricingModel &&
          price.currency.toUpperCase() === monthly.currency.toUpperCase(),
      );
      if (!annual) continue;
      const saving = (monthly.amount - annual.amount / 12) / monthly.amount;
      best = Math.max(best, saving);
    }
  }
  // The epsilon keeps float noise from flooring an exact 29% (0.29 * 100 = 28.999…) to 28.
  const percent = Math.floor(best * 100 + 1e-9);
  return percent > 0 ? percent : null;
}
