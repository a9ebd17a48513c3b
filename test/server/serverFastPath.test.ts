/**
 * The Node adapter's fast path and the plans route's revalidation (issue #20), over a real
 * node:http server on 127.0.0.1 with real fetch: bodies read from a buffer, answers written
 * directly, the request signal made lazily and still aborted when the client disconnects, and
 * GET /plans answered 304 to an If-None-Match naming its ETag.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createUpgradeHandler } from "../../src/server/createUpgradeHandler.js";
import { createMemoryBackend } from "../../src/server/createMemoryBackend.js";
import { NodeRequest } from "../../src/server/nodeRequest.js";
import { toNodeListener } from "../../src/server/toNodeListener.js";
import { CUSTOMER_HEADER, NOW, createTestApp, identifyByHeader, plans } from "./fixtures.js";

let server: Server | undefined;
afterEach(async () => {
  const running = server;
  server = undefined;
  running?.closeAllConnections();
  if (running) await new Promise<void>((resolve) => running.close(() => resolve()));
});

async function listen(listener: (req: IncomingMessage, res: ServerResponse) => void): Promise<string> {
  server = createServer(listener);
  const running = server;
  await new Promise<void>((resolve) => running.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(running.address() as AddressInfo).port}`;
}

describe("toNodeListener's fast path", () => {
  it("provisions from a buffered body, with Content-Length on the answer and no chunked encoding", async () => {
    const { handler, backend } = createTestApp();
    const origin = await listen(toNodeListener(handler));
    const response = await fetch(`${origin}/api/upgrade/provision-subscription`, {
      method: "POST",
      headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "fast-1", "Idempotency-Key": "f1" },
      body: JSON.stringify({ planId: "basic" }),
    });
    const text = await response.text();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(response.headers.get("transfer-encoding")).toBeNull();
    expect(JSON.parse(text)).toMatchObject({ status: "PAYMENT_REQUIRED" });
    expect(backend.getState().checkoutSessions).toHaveLength(1);
  });

  it("still refuses a body over 16 KiB (declared, or streamed without a length) and invalid UTF-8", async () => {
    const { handler } = createTestApp();
    const origin = await listen(toNodeListener(handler));
    const post = (body: BodyInit, extra: Record<string, string> = {}) =>
      fetch(`${origin}/api/upgrade/provision-subscription`, {
        method: "POST",
        headers: { "Content-Type": "application/json", [CUSTOMER_HEADER]: "fast-2", "Idempotency-Key": "f2", ...extra },
        body,
        duplex: "half",
      } as RequestInit);
    expect((await post(JSON.stringify({ planId: "basic", pad: "x".repeat(20_000) }))).status).toBe(413);
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let index = 0; index < 20; index += 1) controller.enqueue(new TextEncoder().encode(" ".repeat(1000)));
        controller.close();
      },
    });
    expect((await post(chunked)).status).toBe(413);
    const broken = await post(new Uint8Array([0x7b, 0xff, 0x7d]));
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe("INVALID_JSON");
  });

  it("makes the signal only when asked, and aborts it when the client disconnects before the answer", async () => {
    let seen: { signal: AbortSignal; aborted: Promise<void> } | undefined;
    let arrived!: () => void;
    const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
    const slow = Object.assign(
      async (request: Request) => {
        const signal = request.signal;
        seen = { signal, aborted: new Promise((resolve) => signal.addEventListener("abort", () => resolve(), { once: true })) };
        arrived();
        await seen.aborted;
        return new Response("too late");
      },
      { handles: () => true },
    );
    const origin = await listen(toNodeListener(slow));
    const { port } = new URL(origin);
    const socket = connect(Number(port), "127.0.0.1");
    socket.write("GET /slow HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    await requestArrived;
    expect(seen!.signal.aborted).toBe(false);
    socket.destroy();
    await seen!.aborted;
    expect(seen!.signal.aborted).toBe(true);
  });

  it("a handler that looks at the signal only after the client left sees it aborted", async () => {
    let resolveRequest!: (request: Request) => void;
    const got = new Promise<Request>((resolve) => (resolveRequest = resolve));
    let finish!: () => void;
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const lazy = async (request: Request) => {
      resolveRequest(request);
      await gate;
      return new Response("late");
    };
    const origin = await listen(toNodeListener(lazy));
    const socket = connect(Number(new URL(origin).port), "127.0.0.1");
    socket.write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    const request = await got;
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(request.signal.aborted).toBe(true);
    finish();
  });

  it("does not abort the signal of a request that was answered", async () => {
    let signal: AbortSignal | undefined;
    const origin = await listen(
      toNodeListener(async (request) => {
        signal = request.signal;
        return new Response("ok");
      }),
    );
    expect(await (await fetch(origin)).text()).toBe("ok");
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(signal!.aborted).toBe(false);
  });

  it("a NodeRequest with a buffered body reads like any Request, once", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify({ a: 1 }));
    const make = () => new NodeRequest("http://x.test/", { method: "POST", headers: { "content-type": "application/json" } }, bytes);
    expect(await make().json()).toEqual({ a: 1 });
    expect(await make().text()).toBe('{"a":1}');
    expect(new Uint8Array(await make().arrayBuffer())).toEqual(bytes);
    expect(await new Response(make().body).text()).toBe('{"a":1}');
    const request = make();
    const copy = request.clone();
    await request.text();
    expect(request.bodyUsed).toBe(true);
    await expect(request.text()).rejects.toThrow(TypeError);
    expect(await copy.json()).toEqual({ a: 1 });
    expect(make()).toBeInstanceOf(Request);
  });
});

describe("GET /plans revalidation", () => {
  it("answers an ETag, and 304 without a body to If-None-Match naming it (default: still no-store)", async () => {
    const { handler } = createTestApp();
    const origin = await listen(toNodeListener(handler));
    const first = await fetch(`${origin}/api/upgrade/plans`);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[0-9a-z]+-[0-9a-z]+"$/);
    expect(first.headers.get("cache-control")).toBe("no-store");
    const again = await fetch(`${origin}/api/upgrade/plans`, { headers: { "If-None-Match": etag! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("etag")).toBe(etag);
    expect(await again.text()).toBe("");
    const weak = await fetch(`${origin}/api/upgrade/plans`, { headers: { "If-None-Match": `"other", W/${etag}` } });
    expect(weak.status).toBe(304);
    const stale = await fetch(`${origin}/api/upgrade/plans`, { headers: { "If-None-Match": '"stale"' } });
    expect(stale.status).toBe(200);
    expect(await stale.text()).toBe(await (await fetch(`${origin}/api/upgrade/plans`)).text());
  });

  it("with plansCaching \"revalidate\": private, no-cache, so the browser asks again and gets 304", async () => {
    const { handler } = createTestApp({ handler: { plansCaching: "revalidate" } });
    const origin = await listen(toNodeListener(handler));
    const first = await fetch(`${origin}/api/upgrade/plans`);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    const again = await fetch(`${origin}/api/upgrade/plans`, { headers: { "If-None-Match": first.headers.get("etag")! } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("the ETag differs with the productId and with what the backend answers for the customer", async () => {
    const perCustomer = createUpgradeHandler({
      backend: {
        ...createMemoryBackend({ plans, now: () => new Date(NOW) }),
        // A backend whose paywall depends on the customer (as Stigg's does).
        getPlans: async (query) =>
          plans.filter(
            (plan) => (query.productId === undefined || plan.productId === query.productId) && (query.customerId !== "vip" || plan.pricingType !== "FREE"),
          ),
      },
      identify: identifyByHeader,
    });
    const origin = await listen(toNodeListener(perCustomer));
    const etagOf = async (path: string, customerId?: string) =>
      (await fetch(`${origin}/api/upgrade${path}`, { headers: customerId ? { [CUSTOMER_HEADER]: customerId } : {} })).headers.get("etag");
    const all = await etagOf("/plans");
    expect(await etagOf("/plans?productId=analytics")).not.toBe(all);
    expect(await etagOf("/plans", "someone")).toBe(all);
    const vip = await etagOf("/plans", "vip");
    expect(vip).not.toBe(all);
    // The anonymous copy's ETag does not revalidate the customer's different answer.
    const revalidated = await fetch(`${origin}/api/upgrade/plans`, { headers: { [CUSTOMER_HEADER]: "vip", "If-None-Match": all! } });
    expect(revalidated.status).toBe(200);
  });

  it("a wrapper that replaces getPlans is asked, not the memory backend's kept JSON", async () => {
    const memory = createMemoryBackend({ plans, now: () => new Date(NOW) });
    const handler = createUpgradeHandler({
      backend: { ...memory, getPlans: async (query) => (await memory.getPlans(query)).map((plan) => ({ ...plan, displayName: "Renamed" })) },
      identify: identifyByHeader,
    });
    const body = (await (await handler(new Request("http://shop.test/api/upgrade/plans"))).json()) as { plans: { displayName: string }[] };
    expect(body.plans.every((plan) => plan.displayName === "Renamed")).toBe(true);
  });
});
