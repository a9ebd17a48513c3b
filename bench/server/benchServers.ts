/**
 * The server bench's server process (started by serverBench.ts with IPC): two node:http servers
 * on 127.0.0.1, one serving `createUpgradeHandler` (memory backend, demo catalog, default memory
 * store) through `toNodeListener`, one bare, answering each route with the bytes the handler
 * answered it with (status, headers, body), captured at start. The parent alternates between them.
 *
 * Messages: it sends `{ type: "ready", handlerPort, barePort, etag }`; on `{ type: "reset" }` it
 * starts the handler's app afresh (a new backend and store, so provision runs do not pile up
 * customers and records across rounds) and answers `{ type: "reset" }`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { demoCustomers, demoPlans } from "../../demo/catalog.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import { toNodeListener, type NodeListener } from "../../src/server/toNodeListener.js";
import { BENCH_CUSTOMER_HEADER, BENCH_CUSTOMER_ID, BENCH_ORIGIN, PROVISION_BODY } from "./routes.js";

function createApp() {
  const backend = createMemoryBackend({ plans: demoPlans, customers: demoCustomers });
  const handler = createUpgradeHandler({
    backend,
    identify: (request) => {
      const customerId = request.headers.get(BENCH_CUSTOMER_HEADER);
      return customerId ? { customerId } : null;
    },
    publicOrigin: BENCH_ORIGIN,
  });
  return { handler, listener: toNodeListener(handler) };
}

interface Captured {
  status: number;
  headers: [string, string][];
  body: Buffer;
}

/** What the handler answered, with the Content-Length a hand-written server would send. */
async function capture(response: Response): Promise<Captured> {
  const body = Buffer.from(await response.arrayBuffer());
  const headers = [...response.headers];
  if (response.status !== 304) headers.push(["content-length", String(body.byteLength)]);
  return { status: response.status, headers, body };
}

let app = createApp();
const url = (path: string) => `${BENCH_ORIGIN}/api/upgrade${path}`;
const plans = await capture(await app.handler(new Request(url("/plans"))));
const etag = plans.headers.find(([name]) => name === "etag")?.[1];
const plans304 = etag ? await capture(await app.handler(new Request(url("/plans"), { headers: { "If-None-Match": etag } }))) : plans;
const customer = await capture(await app.handler(new Request(url("/customer"), { headers: { [BENCH_CUSTOMER_HEADER]: BENCH_CUSTOMER_ID } })));
const provision = await capture(
  await app.handler(
    new Request(url("/provision-subscription"), {
      method: "POST",
      headers: { "Content-Type": "application/json", Origin: BENCH_ORIGIN, [BENCH_CUSTOMER_HEADER]: "bench-capture", "Idempotency-Key": "capture" },
      body: PROVISION_BODY,
    }),
  ),
);
for (const [name, answer] of Object.entries({ plans, customer, provision })) {
  if (answer.status !== 200) throw new Error(`bench: ${name} answered ${answer.status}: ${answer.body.toString()}`);
}

function answer(res: ServerResponse, captured: Captured): void {
  res.writeHead(captured.status, captured.headers.flat());
  res.end(captured.body);
}

/** What a hand-written node:http endpoint would do: route, read the body, send fixed bytes. */
function bare(req: IncomingMessage, res: ServerResponse): void {
  if (req.method === "POST") {
    req.on("data", () => {});
    req.on("end", () => answer(res, provision));
    return;
  }
  if (req.url === "/api/upgrade/customer") return answer(res, customer);
  if (req.url === "/api/upgrade/plans") return answer(res, etag && req.headers["if-none-match"] === etag ? plans304 : plans);
  res.writeHead(404).end();
}

const handlerServer = createServer((req, res) => (app.listener as NodeListener)(req, res));
const bareServer = createServer(bare);
const listen = (server: ReturnType<typeof createServer>) =>
  new Promise<number>((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
const [handlerPort, barePort] = await Promise.all([listen(handlerServer), listen(bareServer)]);

process.on("message", (message: { type: string }) => {
  if (message.type === "reset") {
    app = createApp();
    process.send!({ type: "reset" });
  }
});
process.on("disconnect", () => process.exit(0));
process.send!({ type: "ready", handlerPort, barePort, etag: etag ?? null });
