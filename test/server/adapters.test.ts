/**
 * The handler mounted the ways the README shows: in a real Express app (with and without a body
 * parser in front, at a mount path), in Hono's `app.all(...)`, and as Next.js route exports, each
 * behind a real server on 127.0.0.1.
 */
import express, { type ErrorRequestHandler } from "express";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import type { ProvisionSubscriptionResult } from "../../src/core/contract.js";
import { toNodeListener } from "../../src/server/toNodeListener.js";
import { CUSTOMER_HEADER, createTestApp, get, provisionRequest } from "./fixtures.js";
import { useLoopbackServers } from "./loopback.js";

const start = useLoopbackServers();

function provision(origin: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${origin}/api/upgrade/provision-subscription`, {
    method: "POST",
    headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "c1", "Idempotency-Key": crypto.randomUUID(), ...headers },
    body: JSON.stringify(body),
  });
}

describe("Express", () => {
  it("serves plans, customer and provisioning, and leaves other routes to Express", async () => {
    const { handler, backend } = createTestApp();
    const app = express();
    app.use(toNodeListener(handler));
    app.get("/health", (_req, res) => {
      res.send("ok");
    });
    const { origin } = await start(app);

    const plans = await fetch(`${origin}/api/upgrade/plans`);
    expect(plans.status).toBe(200);
    expect(((await plans.json()) as { plans: unknown[] }).plans).toHaveLength(5);

    const customer = await fetch(`${origin}/api/upgrade/customer`, { headers: { [CUSTOMER_HEADER]: "c1" } });
    expect(((await customer.json()) as { customer: { id: string } }).customer.id).toBe("c1");

    const result = (await (await provision(origin, { planId: "free" })).json()) as ProvisionSubscriptionResult;
    expect(result).toMatchObject({ status: "SUCCESS", subscription: { planId: "free" } });
    expect((await backend.getCustomer("c1"))!.subscriptions).toHaveLength(1);

    expect(await (await fetch(`${origin}/health`)).text()).toBe("ok");
  });

  it("works after express.json() has already read the body, and keeps enforcing the rules", async () => {
    const { handler } = createTestApp();
    const app = express();
    app.use(express.json());
    app.use(toNodeListener(handler));
    const { origin } = await start(app);

    const ok = await provision(origin, { planId: "basic" });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as ProvisionSubscriptionResult).status).toBe("PAYMENT_REQUIRED");

    const refused = await provision(origin, { planId: "basic", billingInformation: { taxPercentage: 0 } });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: "FIELD_NOT_ALLOWED" } });

    const foreign = await provision(origin, { planId: "basic" }, { Origin: "https://evil.example" });
    expect(foreign.status).toBe(403);
  });

  it("mounted under a path, routes on the full URL", async () => {
    const { handler } = createTestApp();
    const app = express();
    app.use("/api", toNodeListener(handler));
    const { origin } = await start(app);
    expect((await fetch(`${origin}/api/upgrade/plans`)).status).toBe(200);
  });

  it("hands unexpected failures to Express's error middleware", async () => {
    const failing = async (): Promise<Response> => {
      throw new Error("boom");
    };
    const app = express();
    app.use(toNodeListener(failing));
    const onError: ErrorRequestHandler = (error: Error, _req, res, _next) => {
      res.status(502).send(`handled ${error.message}`);
    };
    app.use(onError);
    const { origin } = await start(app);
    const response = await fetch(`${origin}/anything`);
    expect([response.status, await response.text()]).toEqual([502, "handled boom"]);
  });

  it("100 concurrent identical provisions over HTTP create one subscription", async () => {
    const { handler, backend } = createTestApp({
      backend: { customers: [{ id: "c1", subscriptions: [], hasPaymentMethod: true }] },
    });
    const app = express();
    app.use(toNodeListener(handler));
    const { origin } = await start(app);
    const responses = await Promise.all(
      Array.from({ length: 100 }, () => provision(origin, { planId: "basic" }, { "Idempotency-Key": "burst" })),
    );
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(new Set(responses.map((response) => response.status))).toEqual(new Set([200]));
    expect(new Set(bodies).size).toBe(1);
    expect((await backend.getCustomer("c1"))!.subscriptions).toHaveLength(1);
  });
});

describe("Fetch-API frameworks", () => {
  it("Hono: app.all('/api/upgrade/*', (c) => handler(c.req.raw))", async () => {
    const { handler } = createTestApp();
    const app = new Hono();
    app.all("/api/upgrade/*", (c) => handler(c.req.raw));
    app.get("/", (c) => c.text("home"));
    // Hono is served through the same Node adapter here; on Bun, Deno or Workers it is `app.fetch`.
    const { origin } = await start(toNodeListener(app.fetch));

    expect((await fetch(`${origin}/api/upgrade/plans`)).status).toBe(200);
    const result = (await (await provision(origin, { planId: "free" })).json()) as ProvisionSubscriptionResult;
    expect(result.status).toBe("SUCCESS");
    expect(await (await fetch(origin)).text()).toBe("home");
  });

  it("Next.js app router: `export const GET = handler; export const POST = handler;`", async () => {
    const { handler } = createTestApp();
    // The exports of app/api/upgrade/[...path]/route.ts; Next calls them with the request.
    const { GET, POST } = { GET: handler, POST: handler };
    expect((await GET(get("/plans"))).status).toBe(200);
    expect((await POST(provisionRequest({ planId: "free" }, { customerId: "c1" }))).status).toBe(200);
  });
});
