/**
 * The real server side behind msw: every request the tests' fetch makes to the endpoint goes through
 * `createUpgradeHandler` + `createMemoryBackend`, exactly as in the demo. Requests are recorded so
 * tests can assert what went over the wire.
 */
import { http } from "msw";
import { setupServer } from "msw/node";
import { afterEach } from "vitest";
import { demoPlans } from "../../demo/catalog.js";
import type { Customer, Plan } from "../../src/core/contract.js";
import { createMemoryBackend, createUpgradeHandler, type MemoryBackendOptions } from "../../src/server/index.js";
import { listenDuringTests } from "./listenDuringTests.js";

export const ORIGIN = "http://localhost:3000";
export const BASE_PATH = "/api/upgrade";
export const ENDPOINT = `${ORIGIN}${BASE_PATH}`;
/** How the test app tells the backend who is signed in (stands in for a session cookie). */
export const IDENTITY_HEADER = "X-Test-Customer";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: Headers;
  body: unknown;
}

export function createTestUpgradeServer(
  options: { plans?: Plan[]; customers?: Customer[]; backend?: Omit<MemoryBackendOptions, "plans" | "customers"> } = {},
) {
  const backend = createMemoryBackend({ plans: options.plans ?? demoPlans, customers: options.customers, ...options.backend });
  const handler = createUpgradeHandler({
    backend,
    basePath: BASE_PATH,
    identify: (request) => {
      const customerId = request.headers.get(IDENTITY_HEADER);
      return customerId ? { customerId } : null;
    },
  });
  const requests: RecordedRequest[] = [];
  const server = setupServer(
    http.all(`${ENDPOINT}/*`, async ({ request }) => {
      const url = new URL(request.url);
      const text = request.method === "GET" ? "" : await request.clone().text();
      requests.push({
        method: request.method,
        path: url.pathname.slice(BASE_PATH.length),
        headers: request.headers,
        body: text && request.headers.get("content-type")?.includes("json") ? (JSON.parse(text) as unknown) : text,
      });
      return handler(request);
    }),
  );
  return {
    server,
    backend,
    handler,
    requests,
    posts: () => requests.filter((request) => request.method === "POST" && request.path === "/provision-subscription"),
  };
}

/**
 * Serves the test server during a file's (or describe block's) tests; after each test, back to the
 * real handler alone, no recorded requests and a fresh backend.
 */
export function serveDuringTests(upgradeServer: ReturnType<typeof createTestUpgradeServer>): void {
  listenDuringTests(upgradeServer.server);
  afterEach(() => {
    upgradeServer.requests.length = 0;
    upgradeServer.backend.reset();
  });
}
