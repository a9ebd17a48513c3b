/**
 * The conformance kit: `bin/react-upgrade-kit.mjs check <url>` run with plain `node` against our
 * handler on 127.0.0.1 (node:http and Express) passes; against broken backends it fails, naming
 * what broke. The in-process runs show that each check can fail on its own.
 */
import { execFile } from "node:child_process";
import type { RequestListener } from "node:http";
import { join } from "node:path";
import { promisify } from "node:util";
import express from "express";
import { describe, expect, it } from "vitest";
import type { UpgradeHandlerOptions } from "../../src/server/createUpgradeHandler.js";
import { createMemoryStore } from "../../src/server/createMemoryStore.js";
import { runConformanceChecks, type ConformanceReport } from "../../src/server/runConformanceChecks.js";
import { runConformanceCli } from "../../src/server/runConformanceCli.js";
import { toNodeListener, type FetchHandler } from "../../src/server/toNodeListener.js";
import { CUSTOMER_HEADER, createTestApp, plans } from "./fixtures.js";
import type { MemoryBackendOptions } from "../../src/server/createMemoryBackend.js";
import { useLoopbackServers } from "./loopback.js";

const start = useLoopbackServers();
const BIN = join(import.meta.dirname, "../../bin/react-upgrade-kit.mjs");
const identity = { [CUSTOMER_HEADER]: "c1" };

/** Runs the CLI as a user would: `node bin/react-upgrade-kit.mjs ...`, in its own process. */
async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, ...args], { timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (typeof failed.code !== "number") throw error;
    return { code: failed.code, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
  }
}

/**
 * Serves what `make` builds once the server's origin is known, so the handler can be told its
 * `publicOrigin` as in production.
 */
async function serveAt(make: (origin: string) => RequestListener) {
  let listener: RequestListener | undefined;
  const served = await start((req, res) => listener!(req, res));
  listener = make(served.origin);
  return served;
}

async function serveTestApp(options: { backend?: Partial<MemoryBackendOptions>; handler?: Partial<UpgradeHandlerOptions> } = {}) {
  const { origin } = await serveAt((publicOrigin) =>
    toNodeListener(createTestApp({ ...options, handler: { publicOrigin, ...options.handler } }).handler),
  );
  return `${origin}/api/upgrade`;
}

function statusOf(report: ConformanceReport, namePart: string): string {
  const check = report.checks.find((candidate) => candidate.name.includes(namePart));
  if (!check) throw new Error(`no check named like "${namePart}"`);
  return `${check.status}: ${check.detail}`;
}

describe("the CLI against our handler", () => {
  it("passes every check on node:http, and says so", { timeout: 60_000 }, async () => {
    const endpoint = await serveTestApp();
    const { code, stdout } = await cli("check", endpoint, "--customer-id", "c1", "--header", `${CUSTOMER_HEADER}: c1`, "--flood");
    expect(stdout).toContain(`react-upgrade-kit check ${endpoint}`);
    expect(stdout).not.toMatch(/\b(FAIL|SKIP)\b/);
    expect(stdout).toMatch(/^24 passed, 0 failed, 0 skipped$/m);
    expect(stdout).toMatch(/PASS {2}Idempotency records are bounded per customer.+429 after 100 new keys, Retry-After: \d+/);
    expect(stdout).toContain("The endpoint follows the contract.");
    expect(code).toBe(0);
  });

  it("passes every check on Express, mounted before the app's express.json()", { timeout: 60_000 }, async () => {
    const { origin } = await serveAt((publicOrigin) => {
      const { handler } = createTestApp({ handler: { publicOrigin } });
      const app = express();
      // Before the body parser: mounted after it, malformed JSON gets Express's own HTML 400, not the
      // contract's error body (the kit finds exactly that).
      app.use(toNodeListener(handler));
      app.use(express.json());
      return app;
    });
    const { code, stdout } = await cli("check", `${origin}/api/upgrade`, "-H", `${CUSTOMER_HEADER}: c1`, "--plan-id", "basic");
    expect(stdout).toMatch(/^23 passed, 0 failed, 1 skipped$/m);
    expect(stdout).toContain('PAYMENT_REQUIRED for plan "basic"');
    expect(code).toBe(0);
  });
});

describe("the CLI against a broken backend", () => {
  /** Plans that break the contract, no identity check, plain-text errors, no idempotency. */
  const broken: FetchHandler = async (request) => {
    const path = new URL(request.url).pathname.replace(/^\/api\/upgrade/, "");
    const json = (body: unknown) => Response.json(body);
    if (path === "/plans") {
      return json({ plans: [{ id: "p1", displayName: "P", order: "first", pricingType: "FREE", pricePoints: [], entitlements: [] }] });
    }
    if (path === "/customer") return json({ customer: { id: "c1", subscriptions: [] } });
    if (path === "/provision-subscription" && request.method === "POST") {
      // A new subscription every time: no idempotency.
      const subscription = { id: crypto.randomUUID(), planId: "p1", status: "ACTIVE", startDate: new Date().toISOString() };
      return json({ status: "SUCCESS", subscription });
    }
    return new Response("Not Found", { status: 404, headers: { "Content-Type": "text/plain" } });
  };

  it("fails with exit code 1 and a clear message per broken rule", { timeout: 60_000 }, async () => {
    const { origin } = await start(toNodeListener(broken));
    const { code, stdout } = await cli("check", `${origin}/api/upgrade`, "--header", `${CUSTOMER_HEADER}: c1`, "--plan-id", "p1");
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL {2}GET \/plans answers \{ plans: Plan\[\] \} +plans break the contract: plans\.0\.order/);
    expect(stdout).toMatch(/FAIL {2}GET \/customer without identity is 401 +expected 401, got 200/);
    expect(stdout).toMatch(/FAIL {2}Idempotency-Key: same key and body replay the first answer +the replay differs/);
    expect(stdout).toMatch(/FAIL {2}an unknown route is 404 +404 answer: Content-Type is "text\/plain", not application\/json/);
    expect(stdout).toContain("The endpoint does not follow the contract: see FAIL above.");
  });

  it("fails clearly when nothing answers", { timeout: 60_000 }, async () => {
    const { origin, server } = await start(toNodeListener(broken));
    await new Promise<void>((resolve) => server.close(() => resolve()));
    const { code, stdout } = await cli("check", `${origin}/api/upgrade`, "--timeout", "2000");
    expect(code).toBe(1);
    expect(stdout).toMatch(/FAIL {2}GET \/plans answers .+ +no answer from http:\/\/127\.0\.0\.1:\d+\/api\/upgrade\/plans/);
  });

  it("exit code 2 and the usage for bad arguments", { timeout: 60_000 }, async () => {
    const missing = await cli("check");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("missing <endpoint-url>");
    expect(missing.stderr).toContain("Usage: react-upgrade-kit check <endpoint-url>");
  });
});

describe("each check can fail on its own", () => {
  async function report(
    options: { backend?: Partial<MemoryBackendOptions>; handler?: Partial<UpgradeHandlerOptions> } = {},
    headers: Record<string, string> = identity,
  ) {
    return runConformanceChecks({ endpoint: await serveTestApp(options), headers, customerId: "c1" });
  }

  it("all pass on the default handler", async () => {
    const result = await runConformanceChecks({ endpoint: await serveTestApp(), headers: identity, customerId: "c1", flood: true });
    expect(result.checks.filter((check) => check.status !== "pass")).toEqual([]);
    expect(result.passed).toBe(true);
  });

  it("client-set billingInformation let through", async () => {
    const result = await report({ handler: { allowedProvisionFields: ["planId", "billingInformation", "checkoutOptions"] } });
    expect(statusOf(result, "client-set billingInformation")).toMatch(/^fail: expected 400, got 200/);
    expect(result.passed).toBe(false);
  });

  it("foreign return URLs and origins allowed", async () => {
    const foreign = "https://conformance-check.invalid";
    const result = await report({ handler: { allowedReturnOrigins: [foreign] } });
    expect(statusOf(result, "foreign origin (400)")).toMatch(/^fail: expected 400, got 200/);
    expect(statusOf(result, "foreign Origin is 403")).toMatch(/^fail: expected 403, got 200/);
  });

  it("no identity check: everyone is the same customer", async () => {
    const result = await report({ handler: { identify: () => ({ customerId: "c1" }) } });
    expect(statusOf(result, "GET /customer without identity")).toMatch(/^fail: expected 401, got 200/);
    expect(statusOf(result, "POST /provision-subscription without identity")).toMatch(/^fail: expected 401, got 200/);
  });

  it("a backend that ignores productId", async () => {
    const { handler, backend } = createTestApp();
    const all = backend.getPlans.bind(backend);
    backend.getPlans = () => all({});
    const { origin } = await start(toNodeListener(handler));
    const result = await runConformanceChecks({ endpoint: `${origin}/api/upgrade`, headers: identity });
    expect(statusOf(result, "filters by product")).toMatch(/^fail: asked for product "app", got plan\(s\) insights/);
  });

  it("an Express app whose express.json() comes first answers malformed JSON itself, in HTML", async () => {
    const { handler } = createTestApp();
    const app = express();
    app.use(express.json());
    app.use(toNodeListener(handler));
    const { origin } = await start(app);
    const result = await runConformanceChecks({ endpoint: `${origin}/api/upgrade`, headers: identity });
    expect(statusOf(result, "malformed JSON")).toMatch(/^fail: 400 answer: Content-Type is "text\/html/);
  });

  it("a store that keeps any number of records per customer (one customer can flood it)", { timeout: 60_000 }, async () => {
    const store = createMemoryStore({ maxRecordsPerCustomer: 100_000, maxRecords: 100_000 });
    const endpoint = await serveTestApp({ handler: { store } });
    const result = await runConformanceChecks({ endpoint, headers: identity, customerId: "c1", flood: true });
    expect(statusOf(result, "bounded per customer")).toMatch(/^fail: 1000 provisions with new keys were all taken/);
  });

  it("an idempotency store that forgets", async () => {
    const forgetful = { ...createMemoryStore(), claimIdempotencyKey: async () => ({ state: "claimed" as const }) };
    const result = await report({ handler: { store: forgetful } });
    expect(statusOf(result, "different body is 422")).toMatch(/^fail: expected 422, got 200/);
  });

  it("a server that lets control characters through in return URLs, as the URL parser alone does", async () => {
    const { handler } = createTestApp();
    // In front of the real handler: drops CR and LF from the body, which is what `new URL()` did
    // to such URLs before the handler refused them.
    const lenient: FetchHandler = async (request) => {
      if (request.method !== "POST") return handler(request);
      const body = (await request.text()).replace(/\\r|\\n/g, "");
      return handler(new Request(request.url, { method: "POST", headers: request.headers, body }));
    };
    const { origin } = await start(toNodeListener(lenient));
    const result = await runConformanceChecks({ endpoint: `${origin}/api/upgrade`, headers: identity, customerId: "c1" });
    expect(statusOf(result, "control characters")).toMatch(/^fail: expected 400, got 200/);
  });

  it("a handler without publicOrigin, which takes its origin from the Host header (development only)", async () => {
    const { handler } = createTestApp();
    const { origin } = await start(toNodeListener(handler));
    const result = await runConformanceChecks({ endpoint: `${origin}/api/upgrade`, headers: identity, customerId: "c1" });
    expect(statusOf(result, "trusts no Host header")).toMatch(/^fail: expected 400, got 200/);
    expect(result.passed).toBe(false);
  });

  it("a server that provisions without an Idempotency-Key", async () => {
    const { origin } = await serveAt((publicOrigin) => {
      const { handler } = createTestApp({ handler: { publicOrigin } });
      // In front of the real handler: makes up a key when the client sent none, as a server that
      // does not require one effectively does.
      return toNodeListener((request) => {
        if (request.method !== "POST" || request.headers.has("Idempotency-Key")) return handler(request);
        const headers = new Headers(request.headers);
        headers.set("Idempotency-Key", crypto.randomUUID());
        return handler(new Request(request, { headers }));
      });
    });
    const result = await runConformanceChecks({ endpoint: `${origin}/api/upgrade`, headers: identity, customerId: "c1" });
    expect(statusOf(result, "without Idempotency-Key")).toMatch(/^fail: expected 400, got 200/);
  });

  it("a server that passes any plan and add-on on to billing, as a billing API accepts any of the account", async () => {
    const { origin } = await serveAt((publicOrigin) => {
      const { handler } = createTestApp({ handler: { publicOrigin } });
      const listed = new Set(plans.map((plan) => plan.id));
      return toNodeListener(async (request) => {
        if (request.method !== "POST") return handler(request);
        const body = (await request.clone().json()) as { planId?: string; addons?: unknown[] };
        if (listed.has(body.planId ?? "") && !body.addons) return handler(request);
        const subscription = { id: crypto.randomUUID(), planId: body.planId, status: "ACTIVE", startDate: new Date().toISOString() };
        return Response.json({ status: "SUCCESS", subscription });
      });
    });
    const result = await runConformanceChecks({ endpoint: `${origin}/api/upgrade`, headers: identity, customerId: "c1" });
    expect(statusOf(result, "a plan GET /plans does not list")).toMatch(/^fail: expected a 4xx refusal, got 200/);
    expect(statusOf(result, "an add-on the plan does not offer")).toMatch(/^fail: expected a 4xx refusal, got 200/);
  });

  it("a server that refuses HEAD", async () => {
    const { handler } = createTestApp();
    const noHead: FetchHandler = (request) =>
      request.method === "HEAD" ? Promise.resolve(new Response(null, { status: 405, headers: { Allow: "GET" } })) : handler(request);
    const { origin } = await start(toNodeListener(noHead));
    const result = await runConformanceChecks({ endpoint: `${origin}/api/upgrade`, headers: identity });
    expect(statusOf(result, "HEAD /plans")).toMatch(/^fail: expected 200, got 405/);
  });

  it("without identity headers, the identity checks are skipped, not passed", async () => {
    const result = await report({}, {});
    expect(statusOf(result, "GET /customer without identity")).toMatch(/^skip:/);
    expect(statusOf(result, "answers SUCCESS or PAYMENT_REQUIRED")).toMatch(/^skip:/);
    expect(result.passed).toBe(true);
  });

  it("--no-provision skips the checks that buy", async () => {
    const output: string[] = [];
    const io = { stdout: { write: (text: string) => output.push(text) }, stderr: { write: (text: string) => output.push(text) } };
    const endpoint = await serveTestApp();
    const code = await runConformanceCli(["check", endpoint, "-H", `${CUSTOMER_HEADER}: c1`, "--no-provision"], io);
    expect(code).toBe(0);
    expect(output.join("")).toMatch(/SKIP {2}POST \/provision-subscription answers SUCCESS .+ +provision checks are off/);
    expect(output.join("")).toMatch(/^20 passed, 0 failed, 4 skipped$/m);
  });
});
