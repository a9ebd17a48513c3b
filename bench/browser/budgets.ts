/**
 * Budgets for what the browser bench counts. Breaking one fails `npm test`
 * (test/browser/browserBudgets.test.ts) and `npm run bench`. They are counts, not times: a loaded CI
 * machine renders slower, but it makes the same requests in the same order.
 */
import type { RenderMode } from "./benchServer.js";
import type { BrowserBenchReport, ScenarioResult } from "./browserBench.js";

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
