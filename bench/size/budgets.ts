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
 * The issues' budgets: 22 KiB for the Paywall with react-query, 10 KiB for its own code, 14 KiB for
 * the three hooks with react-query. What runs only after a click (following the provision answer,
 * its retries and schema, the checkout-URL check) loads lazily, alongside the POST, so it is not in
 * the first load; the browser bench's click waterfall budget (bench/browser/budgets.ts) holds that
 * this costs no round trip.
 */
export const sizeBudgets: SizeBudget[] = [
  { bundleId: "paywall", measure: "withReactQuery", maxGzipBytes: 22 * KiB },
  { bundleId: "paywall", measure: "ownCode", maxGzipBytes: 10 * KiB },
  { bundleId: "hooks", measure: "withReactQuery", maxGzipBytes: 14 * KiB },
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
