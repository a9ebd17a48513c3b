/**
 * The browser bench: every scenario (the demo catalog and a 50-plan one, client-rendered and
 * server-rendered with hydration) loaded `runs` times in the system Chromium, each in a fresh
 * browser context (empty cache). Counts are the worst run's; times the median run's. Then the
 * scaling scenarios (bench/browser/scaling.ts): interaction to paint on 3 to 300 plans.
 */
import { launchChromium } from "../../scripts/chromium.js";
import { startBenchServer } from "./benchServer.js";
import { benchCatalogs } from "./catalogs.js";
import { runScenario, type Scenario, type ScenarioRun } from "./measure.js";
import { runScalingBench, type ScalingOptions, type ScalingReport } from "./scaling.js";

export const scenarios: Scenario[] = benchCatalogs.flatMap((catalog) => [
  { id: `csr-${catalog.id}`, label: `${catalog.label}, client-rendered`, catalogId: catalog.id, mode: "csr" as const },
  { id: `ssr-${catalog.id}`, label: `${catalog.label}, SSR + hydration`, catalogId: catalog.id, mode: "ssr" as const },
]);

export interface ScenarioResult {
  id: string;
  label: string;
  mode: Scenario["mode"];
  runs: number;
  cards: number;
  requestsBeforeVisible: number;
  waterfallDepth: number;
  visibleMs: number;
  /** visibleMs / latency. */
  visibleRoundTrips: number;
  documentMs: number;
  scriptMs: number | null;
  /** (visibleMs − scriptMs) / latency: the library's share once the page's script runs; null when
   * the cards were visible before it (server-rendered). */
  scriptToVisibleRoundTrips: number | null;
  commitsToVisible: number;
  commitsSettled: number;
  requestsAfterVisible: number;
  clickRequests: number;
  clickWaterfallDepth: number;
  clickToNavigationMs: number;
  /** clickToNavigationMs / latency. */
  clickToNavigationRoundTrips: number;
  mountCardRenders: number;
  quantityCardRenders: number;
}

export interface BrowserBenchReport {
  latencyMs: number;
  scenarios: ScenarioResult[];
  /** The scaling scenarios (interaction to paint at a CPU throttle); absent when not run. */
  scaling?: ScalingReport;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const round = (value: number, digits = 2) => Number(value.toFixed(digits));

export function summarize(scenario: Scenario, runs: ScenarioRun[], latencyMs: number): ScenarioResult {
  const worst = (pick: (run: ScenarioRun) => number) => Math.max(...runs.map(pick));
  const middle = (pick: (run: ScenarioRun) => number) => median(runs.map(pick));
  const visibleMs = middle((run) => run.visibleMs);
  const clickToNavigationMs = middle((run) => run.clickToNavigationMs);
  const scripts = runs.map((run) => run.scriptMs).filter((ms) => ms !== null);
  const afterScript = runs.flatMap((run) => (run.scriptMs !== null && run.visibleMs > run.scriptMs ? [run.visibleMs - run.scriptMs] : []));
  return {
    id: scenario.id,
    label: scenario.label,
    mode: scenario.mode,
    runs: runs.length,
    cards: worst((run) => run.cards),
    requestsBeforeVisible: worst((run) => run.requestsBeforeVisible),
    waterfallDepth: worst((run) => run.waterfallDepth),
    visibleMs: round(visibleMs, 1),
    visibleRoundTrips: round(visibleMs / latencyMs),
    documentMs: round(middle((run) => run.documentMs), 1),
    scriptMs: scripts.length ? round(median(scripts), 1) : null,
    scriptToVisibleRoundTrips: afterScript.length === runs.length ? round(median(afterScript) / latencyMs) : null,
    commitsToVisible: worst((run) => run.commitsToVisible),
    commitsSettled: worst((run) => run.commitsSettled),
    requestsAfterVisible: worst((run) => run.requestsAfterVisible),
    clickRequests: worst((run) => run.clickRequests),
    clickWaterfallDepth: worst((run) => run.clickWaterfallDepth),
    clickToNavigationMs: round(clickToNavigationMs, 1),
    clickToNavigationRoundTrips: round(clickToNavigationMs / latencyMs),
    mountCardRenders: worst((run) => run.mountCardRenders),
    quantityCardRenders: worst((run) => run.quantityCardRenders),
  };
}

export interface BrowserBenchOptions {
  latencyMs: number;
  runs: number;
  /** Only these scenario ids (default: all). */
  only?: string[];
  /** Runs the scaling scenarios too, with these options (`npm run bench` does; the budgets test does not). */
  scaling?: ScalingOptions;
  onProgress?: (message: string) => void;
}

export async function runBrowserBench(options: BrowserBenchOptions): Promise<BrowserBenchReport> {
  const [server, browser] = await Promise.all([startBenchServer({ latencyMs: options.latencyMs }), launchChromium()]);
  try {
    const results: ScenarioResult[] = [];
    for (const scenario of scenarios.filter((candidate) => !options.only || options.only.includes(candidate.id))) {
      const runs: ScenarioRun[] = [];
      for (let run = 0; run < options.runs; run++) runs.push(await runScenario(browser, server, scenario));
      results.push(summarize(scenario, runs, options.latencyMs));
      options.onProgress?.(`${scenario.id}: ${runs.length} run(s)`);
    }
    if (!options.scaling) return { latencyMs: options.latencyMs, scenarios: results };
    const scaling = await runScalingBench(browser, server, options.scaling);
    options.onProgress?.(`scaling: ${scaling.results.map((result) => result.plans).join(" / ")} plans, ${scaling.rounds} round(s) at ${scaling.cpuThrottle}× CPU throttle`);
    return { latencyMs: options.latencyMs, scenarios: results, scaling };
  } finally {
    await browser.close();
    await server.close();
  }
}
