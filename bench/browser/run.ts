/**
 * `npm run bench`: bundle sizes (bench/size) and the browser bench, written to bench/results.json
 * and printed next to bench/baseline.json as ratios (now / baseline). Exits non-zero when a browser
 * budget is broken (the size budgets are `npm run size`'s).
 *
 *   npm run bench                      5 runs per scenario, 150 ms injected latency
 *   npm run bench -- --update-baseline also writes the results as the new baseline
 *   npm run bench -- --runs 3 --latency 100
 *   npm run bench -- --scaling-only    only the scaling scenarios (interaction → paint, 3…300 plans)
 *   npm run bench -- --rounds 15       interactions of each kind per page in the scaling scenarios
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkSizeBudgets } from "../size/budgets.js";
import { measureBundles, type CompressedSize, type SizeReport } from "../size/measureBundles.js";
import { browserBudgets, checkBrowserBudgets, checkScalingBudgets, describeScalingVerdict, describeVerdict } from "./budgets.js";
import type { ScalingReport, ScalingResult } from "./scaling.js";
import { runBrowserBench, type BrowserBenchReport, type ScenarioResult } from "./browserBench.js";

export interface BenchResults {
  runs: number;
  size: SizeReport;
  browser: BrowserBenchReport;
}

const RESULTS_FILE = fileURLToPath(new URL("../results.json", import.meta.url));
const BASELINE_FILE = fileURLToPath(new URL("../baseline.json", import.meta.url));

const { values } = parseArgs({
  options: {
    "update-baseline": { type: "boolean", default: false },
    runs: { type: "string", default: "5" },
    latency: { type: "string", default: "150" },
    rounds: { type: "string", default: "9" },
    "scaling-only": { type: "boolean", default: false },
  },
});
const runs = Number(values.runs);
const latencyMs = Number(values.latency);
const rounds = Number(values.rounds);

if (values["scaling-only"]) {
  console.log(`browser, scaling scenarios only: ${rounds} interaction(s) of each kind per page…`);
  const { scaling } = await runBrowserBench({ latencyMs, runs, only: [], scaling: { rounds } });
  printScaling(scaling!);
  process.exit(describeScalingVerdicts(scaling!));
}

console.log(`bundle sizes…`);
const size = await measureBundles();
console.log(`browser: ${runs} run(s) per scenario, ${latencyMs} ms per endpoint response…`);
const browser = await runBrowserBench({ latencyMs, runs, scaling: { rounds }, onProgress: (message) => console.log(`  ${message}`) });
const results: BenchResults = { runs, size, browser };

writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
if (values["update-baseline"]) writeFileSync(BASELINE_FILE, `${JSON.stringify(results, null, 2)}\n`);
const baseline: BenchResults | null = existsSync(BASELINE_FILE) ? (JSON.parse(readFileSync(BASELINE_FILE, "utf8")) as BenchResults) : null;

/** now / baseline, "=" for 0 and 0, "new" when there was nothing to compare with. */
function ratio(now: number | null, before: number | null | undefined): string {
  if (now === null || before === null || before === undefined) return "new";
  if (before === 0) return now === 0 ? "=" : "new";
  return `×${(now / before).toFixed(2)}`;
}
const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} KiB`;
function table(rows: string[][]): void {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
}

console.log(`\nBundles (gzip; react and react-dom external)${baseline ? "; ratio = now / bench/baseline.json" : ""}`);
const sizeRows: string[][] = [["bundle", "gzip", "brotli", "ratio"]];
const sizeRow = (label: string, now: CompressedSize, before: CompressedSize | undefined) =>
  sizeRows.push([label, kib(now.gzip), kib(now.brotli), ratio(now.gzip, before?.gzip)]);
for (const bundle of size.bundles) {
  const before = baseline?.size.bundles.find((candidate) => candidate.id === bundle.id);
  sizeRow(`${bundle.label} + react-query`, bundle.withReactQuery, before?.withReactQuery);
  sizeRow(`${bundle.label}, own code`, bundle.ownCode, before?.ownCode);
}
sizeRow("@tanstack/react-query (as used)", size.reactQuery, baseline?.size.reactQuery);
sizeRow("styles.css", size.css, baseline?.size.css);
table(sizeRows);

const metrics: [keyof ScenarioResult, string][] = [
  ["cards", "plan cards"],
  ["requestsBeforeVisible", "requests before cards visible"],
  ["waterfallDepth", "waterfall depth before cards visible"],
  ["visibleRoundTrips", "navigation → cards visible, round trips"],
  ["visibleMs", "navigation → cards visible, ms"],
  ["documentMs", "navigation → HTML received, ms"],
  ["scriptMs", "navigation → page script runs, ms"],
  ["scriptToVisibleRoundTrips", "page script → cards visible, round trips"],
  ["commitsToVisible", "React commits until cards visible"],
  ["commitsSettled", "React commits once settled"],
  ["requestsAfterVisible", "requests after cards visible (refetch)"],
  ["mountCardRenders", "PlanCard renders until settled"],
  ["quantityCardRenders", "PlanCard renders on one quantity +1"],
  ["clickRequests", "requests from Upgrade click to navigation"],
  ["clickWaterfallDepth", "waterfall depth from click to navigation"],
  ["clickToNavigationRoundTrips", "Upgrade click → checkout request, round trips"],
  ["clickToNavigationMs", "Upgrade click → checkout request, ms"],
];
console.log(`\nBrowser (system Chromium; ${latencyMs} ms per endpoint response; counts: worst of ${runs} runs, times: median)`);
const scenarios = browser.scenarios;
const rows: string[][] = [["metric", ...scenarios.map((scenario) => scenario.id)]];
for (const [key, label] of metrics) {
  rows.push([
    label,
    ...scenarios.map((scenario) => {
      const now = scenario[key] as number | null;
      const before = baseline?.browser.scenarios.find((candidate) => candidate.id === scenario.id)?.[key] as number | null | undefined;
      return `${now ?? "–"}${baseline ? ` (${ratio(now, before)})` : ""}`;
    }),
  ]);
}
table(rows);
for (const scenario of scenarios) console.log(`  ${scenario.id}: ${scenario.label}`);

printScaling(browser.scaling!, baseline?.browser.scaling);

console.log("\nBudgets");
const verdicts = checkBrowserBudgets(browser, browserBudgets);
for (const verdict of verdicts) console.log(describeVerdict(verdict));
const scalingFailed = describeScalingVerdicts(browser.scaling!);
for (const verdict of checkSizeBudgets(size)) {
  const { bundleId, measure, maxGzipBytes } = verdict.budget;
  console.log(`${verdict.ok ? "ok  " : "FAIL"} size ${bundleId} ${measure}: ${kib(verdict.actualGzipBytes)} of ${kib(maxGzipBytes)} (npm run size)`);
}
console.log(`\nwrote ${RESULTS_FILE}${values["update-baseline"] ? ` and ${BASELINE_FILE}` : ""}`);
process.exitCode = verdicts.every((verdict) => verdict.ok) && scalingFailed === 0 ? 0 : 1;

/** The scaling table: one column per catalog, the baseline first. */
function printScaling(scaling: ScalingReport, before?: ScalingReport): void {
  console.log(
    `\nInteraction → paint at ${scaling.cpuThrottle}× CPU throttle (median of ${scaling.rounds} per page; ratio = / the ${scaling.baselineId} baseline, same run)`,
  );
  const results = scaling.results;
  const was = (id: string, key: keyof ScalingResult) => before?.results.find((result) => result.catalogId === id)?.[key] as number | null | undefined;
  const cell = (result: ScalingResult, key: keyof ScalingResult, unit = "") => {
    const now = result[key] as number | null;
    const previous = was(result.catalogId, key);
    return `${now ?? "–"}${unit}${before && previous != null && now != null ? ` (${ratio(now, previous)})` : ""}`;
  };
  table([
    ["metric", ...results.map((result) => `${result.plans} plans`)],
    ["seat change, ms", ...results.map((result) => cell(result, "seatChangeMs"))],
    ["seat change / baseline", ...results.map((result) => `×${result.seatChangeRatio}`)],
    ["seat change, ms per extra plan", ...results.map((result) => cell(result, "seatChangeMsPerExtraPlan"))],
    ["PlanCard renders per seat change", ...results.map((result) => String(result.seatChangeCardRenders))],
    ["period switch, ms", ...results.map((result) => cell(result, "periodSwitchMs"))],
    ["period switch / baseline", ...results.map((result) => `×${result.periodSwitchRatio}`)],
    ["period switch, ms per extra plan", ...results.map((result) => cell(result, "periodSwitchMsPerExtraPlan"))],
  ]);
}

/** Prints the scaling budgets' verdicts; returns how many failed. */
function describeScalingVerdicts(scaling: ScalingReport): number {
  const verdicts = checkScalingBudgets(scaling);
  for (const verdict of verdicts) console.log(describeScalingVerdict(verdict));
  return verdicts.filter((verdict) => !verdict.ok).length;
}
