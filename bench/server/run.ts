/**
 * The server bench: `tsx bench/server/run.ts` (see README, Performance). Prints the handler's
 * req/s against a bare node:http server per route and the 200k-provision heap run, checks the
 * budgets (bench/server/budgets.ts) and writes bench/server/results.json. Exits non-zero when a
 * budget is broken.
 *
 *   tsx bench/server/run.ts                                   3 rounds of 2 s per route and server, 10 connections
 *   tsx bench/server/run.ts --rounds 5 --duration 3000 --connections 50
 *   tsx bench/server/run.ts --provisions 200000 --no-throughput
 */
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { checkServerBudgets } from "./budgets.js";
import { runHeapBench, type HeapBenchReport } from "./heapBench.js";
import { ROUTE_LABELS } from "./routes.js";
import { runServerBench, type ServerBenchReport } from "./serverBench.js";

const { values } = parseArgs({
  options: {
    rounds: { type: "string", default: "3" },
    duration: { type: "string", default: "2000" },
    connections: { type: "string", default: "10" },
    provisions: { type: "string", default: "200000" },
    "no-throughput": { type: "boolean", default: false },
    "no-heap": { type: "boolean", default: false },
  },
});

const RESULTS_FILE = fileURLToPath(new URL("./results.json", import.meta.url));
let throughput: ServerBenchReport | null = null;
let heap: HeapBenchReport | null = null;

if (!values["no-throughput"]) {
  const rounds = Number(values.rounds);
  const durationMs = Number(values.duration);
  const connections = Number(values.connections);
  console.log(`server: ${rounds} round(s) of ${durationMs} ms per route and server, ${connections} connections…`);
  throughput = await runServerBench({ rounds, durationMs, connections, onProgress: (message) => console.log(`  ${message}`) });
  const rows = [["route", "bare node:http", "handler", "handler / bare"]];
  for (const route of throughput.routes) {
    rows.push([ROUTE_LABELS[route.route], `${route.bare} req/s`, `${route.handler} req/s`, `${(route.ratio * 100).toFixed(1)} %`]);
  }
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  console.log();
  for (const row of rows) console.log(row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join("  "));
}

if (!values["no-heap"]) {
  const provisions = Number(values.provisions);
  console.log(`\nheap: ${provisions} provisions through the handler and the memory backend…`);
  heap = await runHeapBench({ provisions });
  console.log(
    `  heapUsed after GC: ${(heap.heapUsedBytes / 2 ** 20).toFixed(1)} MB (before: ${(heap.baselineHeapUsedBytes / 2 ** 20).toFixed(1)} MB); ` +
      `${heap.provisioned} provisioned in ${(heap.elapsedMs / 1000).toFixed(1)} s, statuses ${JSON.stringify(heap.statuses)}; ` +
      `replays within the window: ${heap.replaysServed}/${heap.replaysTried} served`,
  );
}

writeFileSync(RESULTS_FILE, `${JSON.stringify({ throughput, heap }, null, 2)}\n`);
const verdicts = checkServerBudgets({ throughput, heap });
console.log("\nBudgets:");
for (const verdict of verdicts) console.log(`  ${verdict.ok ? "ok  " : "FAIL"} ${verdict.description}: ${verdict.actual}`);
if (verdicts.some((verdict) => !verdict.ok)) process.exitCode = 1;
