/**
 * The server bench: req/s of `createUpgradeHandler` through `toNodeListener` against a bare
 * node:http server answering the same bytes, per route, in the same run. Both servers live in one
 * child process (benchServers.ts) and the load generator in this one, so each has a core of its
 * own on a 2-core machine. Each round measures every route on both servers, bare first on even
 * rounds and handler first on odd ones; a route's ratio is its best handler run over its best bare
 * run, so a burst of noise in one run does not decide it.
 */
import { fork, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";
import { runLoad } from "./loadGenerator.js";
import { requestsFor, type RouteId } from "./routes.js";

export interface ServerBenchOptions {
  /** Per run (one route on one server). */
  durationMs: number;
  rounds: number;
  connections: number;
  routes?: RouteId[];
  onProgress?: (message: string) => void;
}

export interface RouteResult {
  route: RouteId;
  /** Best req/s over the rounds. */
  bare: number;
  handler: number;
  /** handler / bare. */
  ratio: number;
  /** Every round's req/s, for the record. */
  bareRuns: number[];
  handlerRuns: number[];
  /** Answers the handler gave that were not the expected status (should be none). */
  unexpected: Record<number, number>;
}

export interface ServerBenchReport {
  connections: number;
  durationMs: number;
  rounds: number;
  node: string;
  routes: RouteResult[];
}

export const ALL_ROUTES: RouteId[] = ["plans", "plans304", "customer", "provision"];
const EXPECTED_STATUS: Record<RouteId, number> = { plans: 200, plans304: 304, customer: 200, provision: 200 };

interface Ready {
  handlerPort: number;
  barePort: number;
  etag: string | null;
}

function startServers(): Promise<{ child: ChildProcess; ready: Ready }> {
  const entry = fileURLToPath(new URL("./benchServers.ts", import.meta.url));
  const child = fork(entry, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`bench servers exited with ${code}`)));
    child.once("message", (message: Ready & { type: string }) => resolve({ child, ready: message }));
  });
}

function reset(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once("message", () => resolve());
    child.send({ type: "reset" });
  });
}

export async function runServerBench(options: ServerBenchOptions): Promise<ServerBenchReport> {
  const { durationMs, rounds, connections } = options;
  const { child, ready } = await startServers();
  const routes = (options.routes ?? ALL_ROUTES).filter((route) => route !== "plans304" || ready.etag !== null);
  const results = new Map<RouteId, RouteResult>(
    routes.map((route) => [route, { route, bare: 0, handler: 0, ratio: 0, bareRuns: [], handlerRuns: [], unexpected: {} }]),
  );
  let runNumber = 0;
  const measure = async (route: RouteId, target: "bare" | "handler", duration: number) => {
    if (target === "handler") await reset(child);
    const port = target === "bare" ? ready.barePort : ready.handlerPort;
    const tag = `${process.pid}-${runNumber++}`;
    return runLoad({ port, connections, durationMs: duration, request: requestsFor(route, { etag: ready.etag ?? undefined, tag }) });
  };
  try {
    // Warm up both servers on every route (JIT, connection setup), unmeasured.
    for (const route of routes) for (const target of ["bare", "handler"] as const) await measure(route, target, Math.min(500, durationMs));
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? (["bare", "handler"] as const) : (["handler", "bare"] as const);
      for (const route of routes) {
        const result = results.get(route)!;
        for (const target of order) {
          const load = await measure(route, target, durationMs);
          (target === "bare" ? result.bareRuns : result.handlerRuns).push(Math.round(load.requestsPerSecond));
          if (target === "handler") {
            for (const [status, count] of Object.entries(load.statuses)) {
              if (Number(status) !== EXPECTED_STATUS[route]) result.unexpected[Number(status)] = (result.unexpected[Number(status)] ?? 0) + count;
            }
          }
        }
        options.onProgress?.(
          `round ${round + 1}/${rounds} ${route}: bare ${result.bareRuns.at(-1)} req/s, handler ${result.handlerRuns.at(-1)} req/s`,
        );
      }
    }
  } finally {
    child.kill();
  }
  for (const result of results.values()) {
    result.bare = Math.max(...result.bareRuns);
    result.handler = Math.max(...result.handlerRuns);
    result.ratio = result.handler / result.bare;
  }
  return { connections, durationMs, rounds, node: process.version, routes: [...results.values()] };
}
