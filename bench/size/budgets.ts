/**
 * Size budgets, in gzip bytes. Breaking one fails `npm test` (test/bench/sizeBudgets.test.ts) and
 * `npm run size`. Raise a budget only with a reason in the commit that does it.
 */
import type { SizeReport } from "./measureBundles.js";

const KiB = 1024;

export interface SizeBudget {
  bundleId: string;
  /** Which measurement: with react-query bundled in, or our own code alone. */
  measure: "withReactQuery" | "ownCode";
  maxGzipBytes: number;
}

/**
 * The issues' budgets: 24 KiB for the Paywall with react-query, 14 KiB for its own code, 17 KiB for
 * the three hooks with react-query. Everything a click runs (the provision, its retries and schema,
 * the checkout-URL check, the navigation) is in the first load: a dynamic import that failed once
 * keeps failing for the page's life in every engine, so a lazily loaded click path would leave a
 * user whose first tap met a network blip unable to upgrade until a reload (test/bench/sizeBudgets.test.ts
 * holds where the click code lands). Only the embedded checkout dialog and Stripe.js, and the
 * checkout-return code that runs on page load, stay lazy (README, "What loads when").
 */
export const sizeBudgets: SizeBudget[] = [
  { bundleId: "paywall", measure: "withReactQuery", maxGzipBytes: 24 * KiB },
  { bundleId: "paywall", measure: "ownCode", maxGzipBytes: 14 * KiB },
  { bundleId: "hooks", measure: "withReactQuery", maxGzipBytes: 17 * KiB },
];

export interface BudgetVerdict {
  budget: SizeBudget;
  actualGzipBytes: number;
  ok: boolean;
}

export function checkSizeBudgets(report: SizeReport, budgets: SizeBudget[] = sizeBudgets): BudgetVerdict[] {
  return budgets.map((budget) => {
    const bundle = report.bundles.find((candidate) => candidate.id === budget.bundleId);
    if (!bundle) throw new Error(`size budget names an unknown bundle "${budget.bundleId}"`);
    const actualGzipBytes = bundle[budget.measure].gzip;
    return { budget, actualGzipBytes, ok: actualGzipBytes <= budget.maxGzipBytes };
  });
}
