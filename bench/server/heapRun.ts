/**
 * The heap run's process (started by heapBench.ts with `--expose-gc` and IPC): `provisions`
 * provisions through `createUpgradeHandler` + `createMemoryBackend` + `createMemoryStore`, with
 * the defaults of all three, as a long-lived dev server or test process would make them: every
 * provision a new customer with a new `Idempotency-Key`, every other one a paid plan that opens a
 * checkout session. The clock (the backend's and the store's) advances `stepMs` per provision,
 * 1 s by default, so 200k provisions span 2.3 days and the store's 24 h window is crossed twice.
 *
 * Then: heapUsed after a full GC, and replays of keys answered within the window (the newest, the
 * oldest still inside it, and a spread between), which must come back with `Idempotent-Replayed`
 * and the first answer's body. Sends `{ type: "result", ... }` (HeapBenchReport).
 */
import { demoCustomers, demoPlans } from "../../demo/catalog.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";

const provisions = Number(process.argv[2] ?? 200_000);
const stepMs = Number(process.argv[3] ?? 1000);
const WINDOW_MS = 24 * 60 * 60 * 1000;
const ORIGIN = "http://127.0.0.1";

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error("heapRun needs --expose-gc");
const heapAfterGc = () => {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
};

let time = Date.parse("2025-01-01T00:00:00.000Z");
const backend = createMemoryBackend({ plans: demoPlans, customers: demoCustomers, now: () => new Date(time) });
const handler = createUpgradeHandler({
  backend,
  identify: (request) => {
    const customerId = request.headers.get("x-customer-id");
    return customerId ? { customerId } : null;
  },
  publicOrigin: ORIGIN,
  store: createMemoryStore({ now: () => time }),
});

const customerOf = (index: number) => `heap-customer-${index}`;
const keyOf = (index: number) => `heap-key-${index}-${"k".repeat(20)}`;
const bodyOf = (index: number) => JSON.stringify(index % 2 === 0 ? { planId: "plan-free" } : { planId: "plan-basic", billingPeriod: "MONTHLY" });
const provision = (index: number) =>
  handler(
    new Request(`${ORIGIN}/api/upgrade/provision-subscription`, {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: ORIGIN, "X-Customer-Id": customerOf(index), "Idempotency-Key": keyOf(index) },
      body: bodyOf(index),
    }),
  );

// Warm the handler up once, so the baseline includes its code and caches.
await (await provision(-1)).text();
const baselineHeapUsedBytes = heapAfterGc();

const statuses: Record<number, number> = {};
const answeredAt = new Map<number, { time: number; body: string }>();
const started = performance.now();
let peakHeapUsedBytes = 0;
for (let index = 0; index < provisions; index += 1) {
  time += stepMs;
  const response = await provision(index);
  const body = await response.text();
  statuses[response.status] = (statuses[response.status] ?? 0) + 1;
  // Bodies of a sample, to compare replays with: every 200th, and the last 10.
  if (index % 200 === 0 || index >= provisions - 10) answeredAt.set(index, { time, body });
  if (index % 20_000 === 0) peakHeapUsedBytes = Math.max(peakHeapUsedBytes, process.memoryUsage().heapUsed);
}
const elapsedMs = performance.now() - started;
const heapUsedBytes = heapAfterGc();

// Replays: every sampled key answered within the window (the store must still hold it).
let replaysTried = 0;
let replaysServed = 0;
let expiredTried = 0;
let expiredReplayed = 0;
const failures: string[] = [];
for (const [index, first] of answeredAt) {
  const inWindow = time - first.time < WINDOW_MS;
  const response = await provision(index);
  const body = await response.text();
  const replayed = response.headers.get("idempotent-replayed") === "true" && body === first.body;
  if (inWindow) {
    replaysTried += 1;
    if (replayed) replaysServed += 1;
    else if (failures.length < 5) failures.push(`#${index} (${Math.round((time - first.time) / 60000)} min old): ${response.status} ${body.slice(0, 120)}`);
  } else {
    expiredTried += 1;
    if (replayed) expiredReplayed += 1;
  }
}

process.send!({
  type: "result",
  provisions,
  stepMs,
  provisioned: (statuses[200] ?? 0),
  statuses,
  elapsedMs,
  baselineHeapUsedBytes,
  heapUsedBytes,
  peakHeapUsedBytes,
  replaysTried,
  replaysServed,
  expiredTried,
  expiredReplayed,
  failures,
  oldestReplayMinutes: Math.max(...[...answeredAt.values()].filter((first) => time - first.time < WINDOW_MS).map((first) => (time - first.time) / 60000)),
});
