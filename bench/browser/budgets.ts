/**
 * Budgets for what the browser bench counts. Breaking one fails `npm test`
 * (test/browser/browserBudgets.test.ts) and `npm run bench`. They are counts, not times: a loaded CI
 * machine renders slower, but it makes the same requests in the same order.
 */
import type { RenderMode } from "./benchServer.js";
import type { BrowserBenchReport, ScenarioResult } from "./browserBench.js";
import type { ScalingReport } from "./scaling.js";

export type BudgetedMetric =
  | "requestsBeforeVisible"
  | "waterfallDepth"
  | "requestsAfterVisible"
  | "clickRequests"
  | "clickWaterfallDepth"
  | "commitsToVisible"
  | "quantityCardRenders";

export interface BrowserBudget {
  /** Every scenario of this render mode, or all of them. */
  mode: RenderMode | "any";
  metric: BudgetedMetric;
  min?: number;
  max: number;
  why: string;
}

export const browserBudgets: BrowserBudget[] = [
  { mode: "csr", metric: "waterfallDepth", min: 1, max: 1, why: "plans and customer are fetched in parallel: one round trip to the cards" },
  { mode: "csr", metric: "requestsBeforeVisible", max: 2, why: "the plans and the customer, nothing else" },
  { mode: "ssr", metric: "requestsBeforeVisible", max: 0, why: "server-rendered cards need no request" },
  { mode: "ssr", metric: "requestsAfterVisible", max: 0, why: "hydration does not refetch what the server rendered" },
  { mode: "ssr", metric: "commitsToVisible", max: 1, why: "hydration is one commit" },
  { mode: "any", metric: "clickRequests", min: 1, max: 1, why: "Upgrade → one POST → the checkout navigation" },
  { mode: "any", metric: "clickWaterfallDepth", min: 1, max: 1, why: "the code that follows the answer loads alongside the POST: one round trip" },
  { mode: "any", metric: "quantityCardRenders", min: 1, max: 1, why: "one card's quantity re-renders that card only" },
];

export interface BrowserBudgetVerdict {
  budget: BrowserBudget;
  scenarioId: string;
  actual: number;
  ok: boolean;
}

export function checkBrowserBudgets(report: BrowserBenchReport, budgets: BrowserBudget[] = browserBudgets): BrowserBudgetVerdict[] {
  return budgets.flatMap((budget) => {
    const scenarios = report.scenarios.filter((scenario: ScenarioResult) => budget.mode === "any" || scenario.mode === budget.mode);
    if (scenarios.length === 0) throw new Error(`browser budget on ${budget.metric} matches no scenario (${budget.mode})`);
    return scenarios.map((scenario) => {
      const actual = scenario[budget.metric];
      return { budget, scenarioId: scenario.id, actual, ok: actual <= budget.max && actual >= (budget.min ?? 0) };
    });
  });
}

export function describeVerdict({ budget, scenarioId, actual, ok }: BrowserBudgetVerdict): string {
  const range = budget.min === budget.max ? `= ${budget.max}` : budget.min === undefined ? `≤ ${budget.max}` : `${budget.min}…${budget.max}`;
  return `${ok ? "ok  " : "FAIL"} ${scenarioId} ${budget.metric}: ${actual} (budget ${range}: ${budget.why})`;
}

/**
 * Budgets of the scaling scenarios (bench/browser/scaling.ts, issue #20): interaction → paint at 4×
 * CPU throttle. `npm run bench` checks them all. The milliseconds depend on the machine, so
 * `npm test` checks only those marked `relative` (ratios to the 3-plan baseline of the same run,
 * the cost per extra plan over it, and counts), which a machine slowing both pages alike does not move.
 */
export type ScalingMetric =
  | "seatChangeMs"
  | "periodSwitchMs"
  | "seatChangeRatio"
  | "periodSwitchRatio"
  | "seatChangeMsPerExtraPlan"
  | "periodSwitchMsPerExtraPlan"
  | "seatChangeCardRenders";

export interface ScalingBudget {
  /** The catalog with this many plans. */
  plans: number;
  metric: ScalingMetric;
  max: number;
  /** Checked in `npm test` too: not an absolute time. */
  relative: boolean;
  why: string;
}

export const scalingBudgets: ScalingBudget[] = [
  { plans: 100, metric: "seatChangeMs", max: 40, relative: false, why: "issue #20: a seat change on 100 plans" },
  { plans: 100, metric: "periodSwitchMs", max: 100, relative: false, why: "issue #20: a period switch on 100 plans" },
  { plans: 100, metric: "seatChangeMsPerExtraPlan", max: 0.1, relative: true, why: "issue #20: a seat change recomputes one card, whatever the catalog" },
  { plans: 300, metric: "seatChangeMsPerExtraPlan", max: 0.1, relative: true, why: "issue #20: nothing super-linear behind a seat change" },
  { plans: 100, metric: "seatChangeRatio", max: 3, relative: true, why: "a seat change on 100 plans costs little more than on 3" },
  { plans: 100, metric: "periodSwitchRatio", max: 12, relative: true, why: "a period switch redraws every card, in linear time" },
  { plans: 300, metric: "periodSwitchMsPerExtraPlan", max: 1, relative: true, why: "a period switch stays linear up to 300 plans" },
  { plans: 300, metric: "seatChangeCardRenders", max: 1, relative: true, why: "one card's seats re-render that card only" },
];

export interface ScalingVerdict {
  budget: ScalingBudget;
  actual: number | null;
  ok: boolean;
}

export function checkScalingBudgets(report: ScalingReport, budgets: ScalingBudget[] = scalingBudgets): ScalingVerdict[] {
  return budgets.map((budget) => {
    const result = report.results.find((candidate) => candidate.plans === budget.plans);
    if (!result) throw new Error(`scaling budget on ${budget.metric} names no catalog of ${budget.plans} plans`);
    const actual = result[budget.metric];
    return { budget, actual, ok: actual !== null && actual <= budget.max };
  });
}

export function describeScalingVerdict({ budget, actual, ok }: ScalingVerdict): string {
  return `${ok ? "ok  " : "FAIL"} ${budget.plans} plans ${budget.metric}: ${actual ?? "–"} (budget ≤ ${budget.max}${budget.relative ? "" : ", bench only"}: ${budget.why})`;
}
