/**
 * The server budgets (issue #20), as ratios and counts, never absolute times: the handler's req/s
 * over a bare node:http server's answering the same bytes, in the same run, and the heap after
 * 200k provisions through the memory backend.
 */
import type { HeapBenchReport } from "./heapBench.js";
import type { RouteId } from "./routes.js";
import type { ServerBenchReport } from "./serverBench.js";

/** Lowest handler / bare ratio per route. plans304 is reported, not budgeted. */
export const RATIO_BUDGETS: Partial<Record<RouteId, number>> = { plans: 0.5, customer: 0.4, provision: 0.3 };
export const MAX_HEAP_BYTES = 64 * 2 ** 20;

export interface ServerBudgetVerdict {
  ok: boolean;
  description: string;
  actual: string;
}

export function checkServerBudgets(
  report: { throughput: ServerBenchReport | null; heap: HeapBenchReport | null },
  budgets: { ratios?: Partial<Record<RouteId, number>>; maxHeapBytes?: number } = {},
): ServerBudgetVerdict[] {
  const ratios = budgets.ratios ?? RATIO_BUDGETS;
  const maxHeapBytes = budgets.maxHeapBytes ?? MAX_HEAP_BYTES;
  const verdicts: ServerBudgetVerdict[] = [];
  if (report.throughput) {
    for (const [route, min] of Object.entries(ratios) as [RouteId, number][]) {
      const result = report.throughput.routes.find((candidate) => candidate.route === route);
      verdicts.push({
        ok: result !== undefined && result.ratio >= min && Object.keys(result.unexpected).length === 0,
        description: `${route}: handler ≥ ${Math.round(min * 100)} % of bare node:http, every answer as expected`,
        actual: result
          ? `${(result.ratio * 100).toFixed(1)} % (${result.handler} vs ${result.bare} req/s)${Object.keys(result.unexpected).length ? `, unexpected statuses ${JSON.stringify(result.unexpected)}` : ""}`
          : "not measured",
      });
    }
  }
  if (report.heap) {
    const { heap } = report;
    verdicts.push({
      ok: heap.heapUsedBytes < maxHeapBytes,
      description: `heap after ${heap.provisions} provisions and GC < ${maxHeapBytes / 2 ** 20} MB`,
      actual: `${(heap.heapUsedBytes / 2 ** 20).toFixed(1)} MB`,
    });
    verdicts.push({
      ok: heap.provisioned === heap.provisions,
      description: "every provision answered 200 (none refused by a full store)",
      actual: JSON.stringify(heap.statuses),
    });
    verdicts.push({
      ok: heap.replaysTried > 0 && heap.replaysServed === heap.replaysTried,
      description: "replays of keys answered within the 24 h window are served from the store",
      actual: `${heap.replaysServed}/${heap.replaysTried}${heap.failures.length ? `; ${heap.failures.join("; ")}` : ""}`,
    });
  }
  return verdicts;
}
